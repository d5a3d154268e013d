package fr.jobmarket.harvest;

import org.apache.camel.Exchange;
import org.slf4j.MDC;

/**
 * Steps that the routes a harvest shares with other work (the France Travail requests, the process stage, the
 * warehouse load, which an undo also runs) call as static methods, so those routes need no bean of the harvest:
 * they act only on a harvest's exchange, the one that carries the property {@code harvestRun}.
 */
public final class RunContext {

    private RunContext() {
    }

    /**
     * A cancellation point, in the loops of a harvest (each France Travail request, each offer of the process stage,
     * each chunk of the warehouse load, and before its transaction): once the Camel context is stopping (SIGTERM,
     * Ctrl-C), a harvest ends here with {@link Interrupted}, long before Camel's shutdown timeout, and is recorded
     * FAILED. A load whose transaction has begun is past the last point: it completes, history and warehouse together.
     */
    public static void checkNotStopping(Exchange exchange) {
        if (exchange.getContext().isStopping() && exchange.getProperty(HarvestJob.RUN) != null) {
            throw new Interrupted();
        }
    }

    /** Where a harvest goes on on another thread (after a parallel fan-out): its log lines carry the run id again. */
    public static void logContext(Exchange exchange) {
        HarvestRun run = exchange.getProperty(HarvestJob.RUN, HarvestRun.class);
        if (run != null) {
            MDC.put("run.id", Long.toString(run.id()));
        }
    }

    /** A harvest cancelled because the service stops. */
    public static final class Interrupted extends RuntimeException {
        public static final String MESSAGE = "interrupted: the service was stopped";

        Interrupted() {
            super(MESSAGE);
        }
    }
}
