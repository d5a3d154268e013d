package fr.jobmarket.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes every API answer: content negotiation (text table unless the client asks for JSON), the data
 * licence headers, RFC 7807 problems for refused requests, and a 500 problem without internals for the
 * unexpected. Request headers are not echoed back (an Authorization header must not come back).
 */
public final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON_TYPE = "application/json";
    public static final String DATA_SOURCE = "France Travail, API Offres d'emploi v2 (https://francetravail.io)";
    static final ObjectMapper JSON = new ObjectMapper();

    public enum Representation { TEXT, JSON }

    public record Answer(int status, String contentType, byte[] body) {
        static Answer text(String text) {
            return new Answer(200, TEXT, text.getBytes(StandardCharsets.UTF_8));
        }

        static Answer json(Object value) {
            return new Answer(200, JSON_TYPE, Responder.json(value));
        }
    }

    /** What an endpoint sees of a request. */
    public record Request(QueryParameters query, Representation representation, Exchange exchange) {
    }

    private final ApiCache cache;

    public Responder(ApiCache cache) {
        this.cache = cache;
    }

    public ApiCache cache() {
        return cache;
    }

    public void answer(Exchange exchange, Function<Request, Answer> endpoint) {
        Message message = exchange.getMessage();
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        Answer answer;
        try {
            Request request = new Request(QueryParameters.parse(message.getHeader(Exchange.HTTP_QUERY, String.class)),
                    representation(message.getHeader("Accept", String.class)), exchange);
            answer = endpoint.apply(request);
        } catch (ApiProblem problem) {
            answer = new Answer(problem.status(), ApiProblem.MEDIA_TYPE, problem.body(path).getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            LOG.error("{} {} failed: {}", message.getHeader(Exchange.HTTP_METHOD), path, e.toString(), e);
            ApiProblem problem = new ApiProblem(500, "Erreur interne", "La requête n'a pas pu aboutir; l'erreur est dans le journal du serveur.");
            answer = new Answer(500, ApiProblem.MEDIA_TYPE, problem.body(path).getBytes(StandardCharsets.UTF_8));
        }
        write(exchange, answer);
    }

    /** Writes an answer with the data licence headers. */
    public void write(Exchange exchange, Answer answer) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, answer.status());
        message.setHeader(Exchange.CONTENT_TYPE, answer.contentType());
        if (answer.status() == 401) {
            message.setHeader("WWW-Authenticate", "Bearer");
        }
        message.setHeader("X-Data-Source", DATA_SOURCE);
        LocalDate updated = lastExtractionOrNull();
        if (updated != null) {
            message.setHeader("X-Data-Updated", updated.toString());
        }
        message.setBody(answer.body());
    }

    public LocalDate lastExtractionOrNull() {
        try {
            return cache.lastExtraction();
        } catch (RuntimeException e) {
            return null; // database down: the answer itself says so
        }
    }

    /** An answer kept in the cache until the data changes. */
    public Answer cached(String endpoint, String parameters, Request request, Supplier<Answer> compute) {
        String key = endpoint + "?" + parameters + "#" + request.representation();
        byte[] body = cache.get(key, () -> compute.get().body());
        return new Answer(200, request.representation() == Representation.JSON ? JSON_TYPE : TEXT, body);
    }

    /** JSON when the client names application/json before text/plain; the text table otherwise. */
    static Representation representation(String accept) {
        if (accept == null) {
            return Representation.TEXT;
        }
        int json = accept.indexOf("application/json");
        int text = accept.indexOf("text/plain");
        return json >= 0 && (text < 0 || json < text) ? Representation.JSON : Representation.TEXT;
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** A table endpoint: the text table for text, the row objects for JSON. */
    static Answer table(Request request, List<String> headers, List<List<?>> textRows, Object jsonValue) {
        return request.representation() == Representation.JSON ? Answer.json(jsonValue)
                : Answer.text(TextTable.render(headers, textRows));
    }
}
