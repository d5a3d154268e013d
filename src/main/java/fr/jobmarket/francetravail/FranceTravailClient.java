package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.config.Settings;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The requests to France Travail, through the routes of {@code france-travail.camel.yaml}: every request waits
 * for the shared rate limiter, carries the cached token, and is retried per {@link RetryPolicy}. Each request
 * is a fresh exchange, so no header of a previous answer is ever sent back. Messages never hold the token or
 * the client secret.
 */
final class FranceTravailClient {

    static final String SEARCH_ROUTE = "direct:france-travail-search";
    static final String TOKEN_ROUTE = "direct:france-travail-token";

    private static final Logger LOG = LoggerFactory.getLogger(FranceTravailClient.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MESSAGE_LENGTH = 300;

    /** Waits between attempts; replaced in tests to record the delays instead of sleeping. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Requests, retries and 429s of one appellation (one worker thread). */
    static final class Tally {
        int requests;
        int retries;
        int tooManyRequests;
    }

    /** What came back: a status with its headers and body, or the failure when nothing came. */
    record Response(int status, String contentRange, String retryAfter, byte[] body, Exception failure) {
    }

    /** A 401: the token was refused; the caller renews it once. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized(String message) {
            super(message, null, false, false);
        }
    }

    private final ProducerTemplate template;
    private final FranceTravailEndpoints endpoints;
    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final HarvestCounters counters;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final AccessTokenCache tokens;
    private final String clientId;
    private final String clientSecret;
    private volatile String lastToken = "";

    FranceTravailClient(CamelContext context, Settings settings, HarvestCounters counters, Clock clock,
            Sleeper sleeper, DoubleSupplier random) {
        this.template = context.createProducerTemplate();
        this.endpoints = FranceTravailEndpoints.of(settings);
        this.limiter = new RateLimiter(settings.integer("jobmarket.rate-limit", 1, 1000));
        this.policy = RetryPolicy.from(settings);
        this.counters = counters;
        this.sleeper = sleeper;
        this.random = random;
        this.tokens = new AccessTokenCache(clock);
        this.clientId = settings.text("jobmarket.ft.client.id");
        this.clientSecret = settings.text("jobmarket.ft.client.secret");
    }

    FranceTravailEndpoints endpoints() {
        return endpoints;
    }

    /** One search page. {@code what} names the appellation and range in every message. */
    SearchPage search(String what, String query, Tally tally) throws InterruptedException {
        boolean renewed = false;
        while (true) {
            String token = tokens.current(() -> fetchToken(what, tally));
            try {
                return call(what, tally, () -> send(SEARCH_ROUTE, endpoints.searchUrl() + "?" + query, "Bearer " + token, null),
                        response -> readSearch(what, response));
            } catch (Unauthorized e) {
                if (renewed) {
                    throw new HarvestException(what + ": HTTP 401 again with a new token: " + e.getMessage(), 401);
                }
                LOG.info("{}: token refused (401), fetching a new one", what);
                tokens.discard(token);
                renewed = true;
                tally.retries++;
                counters.addRetry();
            }
        }
    }

    private SearchPage readSearch(String what, Response response) {
        if (SearchPage.isSuccess(response.status())) {
            return SearchPage.read(response.status(), response.contentRange(), response.body());
        }
        if (response.status() == 401) {
            throw new Unauthorized(apiMessage(response));
        }
        throw new HarvestException(what + ": HTTP " + response.status() + ": " + apiMessage(response), response.status());
    }

    private AccessTokenCache.Token fetchToken(String what, Tally tally) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret)
                + "&scope=" + encode(FranceTravailApi.SCOPE);
        try {
            return call(what + ", token request", tally, () -> send(TOKEN_ROUTE, endpoints.tokenUrl(), null, form),
                    response -> readToken(what, response));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(what + ": interrupted while fetching a token", 0, e);
        }
    }

    private AccessTokenCache.Token readToken(String what, Response response) {
        if (response.status() != 200) {
            throw new HarvestException(what + ": France Travail refused the token request (check jobmarket.ft.client.id"
                    + " and jobmarket.ft.client.secret): HTTP " + response.status() + ": " + apiMessage(response), response.status());
        }
        try {
            JsonNode json = MAPPER.readTree(response.body());
            String token = json.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new SearchPage.UnreadablePageException("a token answer without access_token");
            }
            lastToken = token;
            return new AccessTokenCache.Token(token, Duration.ofSeconds(Math.max(1, json.path("expires_in").asLong(60))));
        } catch (IOException | RuntimeException e) {
            if (e instanceof SearchPage.UnreadablePageException unreadable) {
                throw unreadable;
            }
            throw new SearchPage.UnreadablePageException("a token answer that is not JSON");
        }
    }

    /** Sends until {@code read} accepts an answer, retrying what {@link RetryPolicy} allows. */
    private <T> T call(String what, Tally tally, Supplier<Response> send, Function<Response, T> read) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            RateLimiter.Permit permit = limiter.acquire();
            tally.requests++;
            counters.addRequest();
            Response response;
            try {
                response = send.get();
            } finally {
                permit.answered();
            }
            if (response.failure() != null) {
                counters.addNoAnswer();
            } else {
                counters.addAnswer(response.status());
            }
            String problem;
            if (response.failure() != null) {
                Exception failure = response.failure();
                problem = "no answer (" + failure.getClass().getSimpleName() + ": " + redact(failure.getMessage()) + ")";
            } else if (RetryPolicy.isRetryable(response.status())) {
                if (response.status() == 429) {
                    tally.tooManyRequests++;
                    counters.addTooManyRequests();
                }
                problem = "HTTP " + response.status() + ": " + apiMessage(response);
            } else {
                try {
                    return read.apply(response);
                } catch (SearchPage.UnreadablePageException e) {
                    problem = "HTTP " + response.status() + " with " + redact(e.getMessage());
                }
            }
            if (attempt >= policy.maxAttempts()) {
                throw new HarvestException(what + ": " + problem + " (after " + attempt + " attempts)", response.status());
            }
            long delay = policy.delayMillis(attempt, response.retryAfter(), random);
            LOG.debug("{}: {}, attempt {} of {} in {} ms", what, problem, attempt + 1, policy.maxAttempts(), delay);
            tally.retries++;
            counters.addRetry();
            sleeper.sleep(delay);
        }
    }

    private Response send(String route, String url, String authorization, String form) {
        int question = url.indexOf('?');
        Exchange exchange = template.send(route, request -> {
            Message message = request.getMessage();
            message.setHeader(Exchange.HTTP_URI, question < 0 ? url : url.substring(0, question));
            if (question >= 0) {
                message.setHeader(Exchange.HTTP_QUERY, url.substring(question + 1));
            }
            if (authorization != null) {
                message.setHeader("Authorization", authorization);
            }
            if (form != null) {
                message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
                message.setBody(form);
            }
        });
        Exception failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure != null) {
            return new Response(0, null, null, null, failure);
        }
        Message answer = exchange.getMessage();
        Integer status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            return new Response(0, null, null, null, new IOException("no HTTP status in the answer"));
        }
        return new Response(status, answer.getHeader("Content-Range", String.class),
                answer.getHeader("Retry-After", String.class), answer.getBody(byte[].class), null);
    }

    /** The API's own message ({@code message}, {@code error_description} or the body's start), secrets masked. */
    private String apiMessage(Response response) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonNode json = MAPPER.readTree(text);
            for (String field : new String[] {"message", "error_description", "error"}) {
                if (json != null && json.hasNonNull(field)) {
                    text = json.get(field).asText();
                    break;
                }
            }
        } catch (IOException e) {
            // not JSON: quote the text itself
        }
        // Mask before cutting: a secret straddling the cut would otherwise keep its first half.
        text = redact(text.strip().replaceAll("\\s+", " "));
        return text.length() > MESSAGE_LENGTH ? text.substring(0, MESSAGE_LENGTH) + "..." : text;
    }

    /** Masks the client secret and the last token, should an answer or an exception ever quote them. */
    private String redact(String text) {
        if (text == null) {
            return "";
        }
        String safe = text;
        if (!clientSecret.isEmpty()) {
            safe = safe.replace(clientSecret, "***").replace(encode(clientSecret), "***");
        }
        if (!lastToken.isEmpty()) {
            safe = safe.replace(lastToken, "***");
        }
        return safe;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
