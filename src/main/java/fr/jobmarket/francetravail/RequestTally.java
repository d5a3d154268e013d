package fr.jobmarket.francetravail;

/** Requests sent, retries and 429 answers: of one page request (with its token request), or summed over pages. */
public record RequestTally(int requests, int retries, int tooManyRequests) {

    public static final RequestTally NONE = new RequestTally(0, 0, 0);

    public RequestTally plus(RequestTally other) {
        return new RequestTally(requests + other.requests, retries + other.retries, tooManyRequests + other.tooManyRequests);
    }

    RequestTally sent() {
        return new RequestTally(requests + 1, retries, tooManyRequests);
    }

    RequestTally retried() {
        return new RequestTally(requests, retries + 1, tooManyRequests);
    }

    RequestTally tooMany() {
        return new RequestTally(requests, retries, tooManyRequests + 1);
    }
}
