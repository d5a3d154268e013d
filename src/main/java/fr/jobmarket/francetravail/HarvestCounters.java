package fr.jobmarket.francetravail;

import java.util.concurrent.atomic.AtomicLong;

/** Live totals of the harvest across all workers, read for progress lines and metrics while it runs. */
public final class HarvestCounters {

    /** A consistent-enough reading of the counters at one moment. */
    public record Snapshot(long requests, long retries, long tooManyRequests, long offers) {
    }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong tooManyRequests = new AtomicLong();
    private final AtomicLong offers = new AtomicLong();
    private volatile Observer observer = Observer.NONE;

    /** Told of every answer and retry as they happen, e.g. to feed Prometheus counters. */
    public interface Observer {
        Observer NONE = new Observer() {
        };

        /** An HTTP answer came back with this status. */
        default void response(int status) {
        }

        /** No answer came (timeout, connection refused). */
        default void noAnswer() {
        }

        default void retry() {
        }
    }

    public void observe(Observer observer) {
        this.observer = observer == null ? Observer.NONE : observer;
    }

    /** Requests sent to France Travail (token and search). */
    public long requests() {
        return requests.get();
    }

    /** Requests sent again after a 429, 5xx, timeout, connection error or unreadable page. */
    public long retries() {
        return retries.get();
    }

    /** 429 "too many requests" answers received. */
    public long tooManyRequests() {
        return tooManyRequests.get();
    }

    /** Offers written to raw files (each offer once per appellation), counted as each appellation's file is written. */
    public long offers() {
        return offers.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(requests(), retries(), tooManyRequests(), offers());
    }

    /** Back to zero, at the start of a run. */
    public void reset() {
        requests.set(0);
        retries.set(0);
        tooManyRequests.set(0);
        offers.set(0);
    }

    void addRequest() {
        requests.incrementAndGet();
    }

    void addRetry() {
        retries.incrementAndGet();
        observer.retry();
    }

    void addAnswer(int status) {
        observer.response(status);
    }

    void addNoAnswer() {
        observer.noAnswer();
    }

    void addTooManyRequests() {
        tooManyRequests.incrementAndGet();
    }

    void addOffers(long count) {
        offers.addAndGet(count);
    }
}
