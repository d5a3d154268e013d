package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.config.Settings;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleSupplier;

/**
 * The steps of the France Travail request routes ({@code france-travail.camel.yaml}): what to send, the shared rate
 * limiter and token, and what an answer means (a page, a token, another attempt, or a failure of the run). The
 * state of one request travels in exchange properties; messages never hold the token or the client secret.
 */
final class FranceTravailRequests {

    /** The {@link FranceTravailRequest} being sent. */
    static final String REQUEST = "ftRequest";
    /** The {@link RequestTally} of the current page request, its token request included. */
    static final String TALLY = "ftTally";
    static final String ATTEMPT = "ftAttempt";
    static final String ANSWERED = "ftAnswered";
    /** Milliseconds to wait before the next attempt; 0 for none. */
    static final String RETRY_DELAY = "ftRetryDelay";
    private static final String TOKEN_RENEWED = "ftTokenRenewed";
    private static final String PERMIT = "ftPermit";
    private static final String TOKEN_LOCKED = "ftTokenLocked";
    /** The token a search carried, to drop it from the cache if it is refused; removed with the answer. */
    private static final String SENT_TOKEN = "ftSentToken";

    private static final Logger LOG = LoggerFactory.getLogger(FranceTravailRequests.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MESSAGE_LENGTH = 300;

    private final FranceTravailEndpoints endpoints;
    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final HarvestCounters counters;
    private final DoubleSupplier random;
    private final AccessTokenCache tokens;
    /** One worker fetches the token while the others wait for it, instead of each asking for its own. */
    private final Semaphore tokenFetch = new Semaphore(1);
    private final String clientId;
    private final String clientSecret;
    private volatile String lastToken = "";

    FranceTravailRequests(Settings settings, HarvestCounters counters, Clock clock, DoubleSupplier random) {
        this.endpoints = FranceTravailEndpoints.of(settings);
        this.limiter = new RateLimiter(settings.integer("jobmarket.rate-limit"));
        this.policy = RetryPolicy.from(settings);
        this.counters = counters;
        this.random = random;
        this.tokens = new AccessTokenCache(clock);
        this.clientId = settings.text("jobmarket.ft.client.id");
        this.clientSecret = settings.text("jobmarket.ft.client.secret");
    }

    /** A search page request, with the tally of this page starting at zero. */
    void search(Exchange exchange) {
        Appellation appellation = exchange.getProperty(AppellationPaging.APPELLATION, Appellation.class);
        QueryPart part = exchange.getProperty(AppellationPaging.QUERY_PART, QueryPart.class);
        PageRange range = exchange.getProperty(AppellationPaging.PAGE_RANGE, PageRange.class);
        exchange.setProperty(REQUEST, new FranceTravailRequest(FranceTravailRequest.Kind.SEARCH,
                "Appellation " + appellation + ", " + part + ", range " + range, endpoints.searchUrl(),
                part.queryString(appellation.code(), range), null));
        exchange.setProperty(TALLY, RequestTally.NONE);
    }

    /** The token request, on behalf of the search in progress (named in its messages). */
    void token(Exchange exchange) {
        FranceTravailRequest search = exchange.getProperty(REQUEST, FranceTravailRequest.class);
        String url = endpoints.tokenUrl();
        int question = url.indexOf('?');
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(clientSecret)
                + "&scope=" + encode(FranceTravailApi.SCOPE);
        exchange.setProperty(REQUEST, new FranceTravailRequest(FranceTravailRequest.Kind.TOKEN, search.what() + ", token request",
                question < 0 ? url : url.substring(0, question), question < 0 ? null : url.substring(question + 1), form));
    }

    /** No attempt made yet. */
    void begin(Exchange exchange) {
        exchange.setProperty(ATTEMPT, 0);
        exchange.setProperty(ANSWERED, false);
        exchange.setProperty(TOKEN_RENEWED, false);
        exchange.setProperty(RETRY_DELAY, 0L);
    }

    /** A search is about to go out and no token is cached, or the cached one is about to expire. */
    boolean tokenDue(Exchange exchange) {
        FranceTravailRequest request = exchange.getProperty(REQUEST, FranceTravailRequest.class);
        return request.kind() == FranceTravailRequest.Kind.SEARCH && tokens.valid() == null;
    }

    void lockToken(Exchange exchange) throws InterruptedException {
        tokenFetch.acquire();
        exchange.setProperty(TOKEN_LOCKED, true);
    }

    void unlockToken(Exchange exchange) {
        if (exchange.removeProperty(TOKEN_LOCKED) != null) {
            tokenFetch.release();
        }
    }

    /** The message to send: only the request's own headers, so nothing a previous answer carried goes back. */
    void prepare(Exchange exchange) {
        FranceTravailRequest request = exchange.getProperty(REQUEST, FranceTravailRequest.class);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, request.url());
        if (request.query() != null) {
            message.setHeader(Exchange.HTTP_QUERY, request.query());
        }
        if (request.kind() == FranceTravailRequest.Kind.TOKEN) {
            message.setHeader(Exchange.HTTP_METHOD, "POST");
            message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded");
            message.setBody(request.form());
        } else {
            message.setHeader(Exchange.HTTP_METHOD, "GET");
            message.setBody(null);
            String token = tokens.valid();
            if (token != null) {
                message.setHeader("Authorization", "Bearer " + token);
                exchange.setProperty(SENT_TOKEN, token);
            }
        }
    }

    /** Waits for a place in the rate limit's window; {@link #answered} frees it. */
    void acquire(Exchange exchange) throws InterruptedException {
        exchange.setProperty(PERMIT, limiter.acquire());
        counters.addRequest();
    }

    void answered(Exchange exchange) {
        RateLimiter.Permit permit = exchange.getProperty(PERMIT, RateLimiter.Permit.class);
        if (permit != null) {
            permit.answered();
            exchange.removeProperty(PERMIT);
        }
    }

    /**
     * Reads the answer of one attempt. A page becomes the body (a token goes to the cache) and the request is
     * answered; a 429, 5xx, timeout or unreadable answer sets {@link #RETRY_DELAY} for another attempt; a refused
     * token is renewed once; anything else, or the last attempt, fails with the appellation, status and API message.
     */
    void answer(Exchange exchange) {
        FranceTravailRequest request = exchange.getProperty(REQUEST, FranceTravailRequest.class);
        int attempt = exchange.getProperty(ATTEMPT, 0, Integer.class) + 1;
        exchange.setProperty(ATTEMPT, attempt);
        RequestTally tally = exchange.getProperty(TALLY, RequestTally.NONE, RequestTally.class).sent();
        exchange.setProperty(TALLY, tally);
        Message message = exchange.getMessage();
        Exception failure = (Exception) exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        Integer status = failure == null ? message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class) : null;
        String contentRange = message.getHeader("Content-Range", String.class);
        String retryAfter = message.getHeader("Retry-After", String.class);
        String sentToken = (String) exchange.removeProperty(SENT_TOKEN);
        byte[] body = status == null ? null : message.getBody(byte[].class);
        // the token and the answer's headers go now: nothing of them is sent again or seen by a later step
        message.removeHeaders("*");
        message.setBody(null);

        String problem;
        if (status == null) {
            counters.addNoAnswer();
            problem = failure == null ? "no HTTP status in the answer"
                    : "no answer (" + failure.getClass().getSimpleName() + ": " + redact(failure.getMessage()) + ")";
        } else {
            counters.addAnswer(status);
            if (RetryPolicy.isRetryable(status)) {
                if (status == 429) {
                    exchange.setProperty(TALLY, tally.tooMany());
                    counters.addTooManyRequests();
                }
                problem = "HTTP " + status + ": " + apiMessage(body);
            } else if (status == 401 && request.kind() == FranceTravailRequest.Kind.SEARCH) {
                renewToken(exchange, request, sentToken, body);
                return;
            } else {
                try {
                    message.setBody(read(request, status, contentRange, body));
                    exchange.setProperty(ANSWERED, true);
                    exchange.setProperty(RETRY_DELAY, 0L);
                    return;
                } catch (SearchPage.UnreadablePageException e) {
                    problem = "HTTP " + status + " with " + redact(e.getMessage());
                }
            }
        }
        if (attempt >= policy.maxAttempts()) {
            throw new HarvestException(request.what() + ": " + problem + " (after " + attempt + " attempts)",
                    status == null ? 0 : status);
        }
        long delay = policy.delayMillis(attempt, retryAfter, random);
        LOG.debug("{}: {}, attempt {} of {} in {} ms", request.what(), problem, attempt + 1, policy.maxAttempts(), delay);
        retry(exchange, delay);
    }

    /** A 401 on a search: the token expired or was revoked; one new token, then a second 401 is final. */
    private void renewToken(Exchange exchange, FranceTravailRequest request, String sentToken, byte[] body) {
        if (exchange.getProperty(TOKEN_RENEWED, false, Boolean.class)) {
            throw new HarvestException(request.what() + ": HTTP 401 again with a new token: " + apiMessage(body), 401);
        }
        LOG.info("{}: token refused (401), fetching a new one", request.what());
        tokens.discard(sentToken);
        exchange.setProperty(TOKEN_RENEWED, true);
        exchange.setProperty(ATTEMPT, 0);
        retry(exchange, 0);
    }

    private void retry(Exchange exchange, long delay) {
        exchange.setProperty(TALLY, exchange.getProperty(TALLY, RequestTally.class).retried());
        counters.addRetry();
        exchange.setProperty(RETRY_DELAY, delay);
    }

    private Object read(FranceTravailRequest request, int status, String contentRange, byte[] body) {
        if (request.kind() == FranceTravailRequest.Kind.TOKEN) {
            readToken(request, status, body);
            return null;
        }
        if (!SearchPage.isSuccess(status)) {
            throw new HarvestException(request.what() + ": HTTP " + status + ": " + apiMessage(body), status);
        }
        return SearchPage.read(status, contentRange, body);
    }

    private void readToken(FranceTravailRequest request, int status, byte[] body) {
        if (status != 200) {
            throw new HarvestException(request.what() + ": France Travail refused the token request (check jobmarket.ft.client.id"
                    + " and jobmarket.ft.client.secret): HTTP " + status + ": " + apiMessage(body), status);
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new SearchPage.UnreadablePageException("a token answer that is not JSON");
        }
        String token = json == null ? "" : json.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new SearchPage.UnreadablePageException("a token answer without access_token");
        }
        lastToken = token;
        tokens.store(new AccessTokenCache.Token(token, Duration.ofSeconds(Math.max(1, json.path("expires_in").asLong(60)))));
    }

    /** The API's own message ({@code message}, {@code error_description} or the body's start), secrets masked. */
    private String apiMessage(byte[] body) {
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
