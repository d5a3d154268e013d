package fr.jobmarket.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.harvest.HarvestJob;
import fr.jobmarket.harvest.HarvestRuns;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The first and last steps of every API route (routes/api.camel.yaml): reads the request once (query
 * string, wanted representation), writes the answer with the data licence headers, and turns a failure
 * into an RFC 7807 problem (the {@code api} route configuration), a 500 without internals for the
 * unexpected. Request headers are not echoed back (an Authorization header must not come back).
 */
public final class Responder {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String JSON_TYPE = "application/json";
    public static final String DATA_SOURCE = "France Travail, API Offres d'emploi v2 (https://francetravail.io)";
    /** Sandbox mode serves generated offers: no answer may pass them off as France Travail's. */
    public static final String SANDBOX_DATA_SOURCE = "jobmarket sandbox: synthetic data, not France Travail offers";
    /** Exchange property holding the {@link Request}, read once per exchange. */
    static final String REQUEST = "apiRequest";
    static final ObjectMapper JSON = new ObjectMapper();

    public enum Representation { TEXT, JSON }

    public record Answer(int status, String contentType, byte[] body) {
        static Answer text(String text) {
            return new Answer(200, TEXT, text.getBytes(StandardCharsets.UTF_8));
        }

        static Answer json(Object value) {
            return new Answer(200, JSON_TYPE, Responder.json(value));
        }

        static Answer json(int status, Object value) {
            return new Answer(status, JSON_TYPE, Responder.json(value));
        }
    }

    /** What an endpoint sees of a request. */
    public record Request(QueryParameters query, Representation representation) {
    }

    private final ApiCache cache;
    private final boolean liveMode;

    public Responder(ApiCache cache, boolean liveMode) {
        this.cache = cache;
        this.liveMode = liveMode;
    }

    /** True when the data comes from France Travail; false in sandbox mode (synthetic offers). */
    public boolean liveMode() {
        return liveMode;
    }

    /** Where the served data comes from: France Travail in live mode, the synthetic sandbox otherwise. */
    public String dataSource() {
        return liveMode ? DATA_SOURCE : SANDBOX_DATA_SOURCE;
    }

    /** The request of an exchange: parsed at the first call (a malformed query string is a 400 problem). */
    public static Request request(Exchange exchange) {
        Request request = exchange.getProperty(REQUEST, Request.class);
        if (request == null) {
            Message message = exchange.getMessage();
            request = new Request(QueryParameters.parse(message.getHeader(Exchange.HTTP_QUERY, String.class)),
                    representation(message.getHeader("Accept", String.class)));
            exchange.setProperty(REQUEST, request);
        }
        return request;
    }

    /** Last step of an API route: the body is the {@link Answer}. */
    public void write(Exchange exchange) {
        write(exchange, answer(exchange));
    }

    static Answer answer(Exchange exchange) {
        Answer answer = exchange.getMessage().getBody(Answer.class);
        if (answer == null) {
            throw new IllegalStateException("the route left no answer in the body");
        }
        return answer;
    }

    /** The {@code api} route configuration's step: the exception the route failed with, as a problem. */
    public void problem(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Message message = exchange.getMessage();
        String path = message.getHeader(Exchange.HTTP_PATH, String.class);
        ApiProblem problem;
        if (failure instanceof ApiProblem known) {
            problem = known;
        } else if (failure instanceof HarvestJob.RefusedDate refused) {
            problem = ApiProblem.badRequest("'extraction_date' : " + refused.getMessage());
        } else if (failure instanceof HarvestRuns.AlreadyRunning) {
            problem = new ApiProblem(409, "Conflit", "Une récolte est déjà en cours : celle-ci n'est pas lancée.");
        } else {
            LOG.error("{} {} failed: {}", message.getHeader(Exchange.HTTP_METHOD), path, failure, failure);
            problem = ApiProblem.internalError();
        }
        write(exchange, new Answer(problem.status(), ApiProblem.MEDIA_TYPE, problem.body(path).getBytes(StandardCharsets.UTF_8)));
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
        message.setHeader("X-Data-Source", dataSource());
        LocalDate updated = lastExtractionOrNull();
        if (updated != null) {
            message.setHeader("X-Data-Updated", updated.toString());
        }
        // a ByteBuffer is written in one piece; platform-http streams a byte[] through an InputStream on a worker
        message.setBody(ByteBuffer.wrap(answer.body()));
    }

    public LocalDate lastExtractionOrNull() {
        try {
            return cache.lastExtraction();
        } catch (RuntimeException e) {
            return null; // database down: the answer itself says so
        }
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
