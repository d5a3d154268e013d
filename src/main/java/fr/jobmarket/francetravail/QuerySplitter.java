package fr.jobmarket.francetravail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Splits a query holding more offers than one query can page ({@link Paging#fits}) so that the union of the
 * parts is complete: the whole query becomes two halves of the creation-date window, a window is halved
 * again until it fits, and a window that cannot be halved (one second) is split by departement.
 *
 * <p>Halves share their middle second ({@code [a, m]} and {@code [m, b]}): whether the API's bounds are
 * inclusive or not, no offer falls between two parts; the paging routes' aggregation drops the duplicates by
 * offer id.
 */
public final class QuerySplitter {

    private final Clock clock;
    private final Duration lookback;

    /** @param lookback how far back the window reaches; the API keeps offers for a limited time */
    public QuerySplitter(Clock clock, Duration lookback) {
        this.clock = clock;
        this.lookback = lookback;
    }

    /** The window searched once the whole query is split: the lookback, ending tomorrow (no offer is missed at midnight UTC). */
    public QueryPart fullWindow() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1));
        return QueryPart.window(end.minus(lookback), end);
    }

    /** The parts of {@code part}; empty when it cannot be split any further (one second, one departement). */
    public List<QueryPart> split(QueryPart part) {
        if (!part.hasWindow() && part.departement() == null) {
            return halves(fullWindow());
        }
        if (part.hasWindow() && canHalve(part) && part.departement() == null) {
            return halves(part);
        }
        if (part.departement() == null) {
            return FranceTravailApi.DEPARTEMENTS.stream().map(part::inDepartement).toList();
        }
        if (part.hasWindow() && canHalve(part)) {
            return halves(part);
        }
        return List.of();
    }

    private static boolean canHalve(QueryPart part) {
        return Duration.between(part.minCreationDate(), part.maxCreationDate()).getSeconds() > 1;
    }

    private static List<QueryPart> halves(QueryPart part) {
        long seconds = Duration.between(part.minCreationDate(), part.maxCreationDate()).getSeconds();
        Instant middle = part.minCreationDate().plusSeconds(seconds / 2);
        return List.of(new QueryPart(part.minCreationDate(), middle, part.departement()),
                new QueryPart(middle, part.maxCreationDate(), part.departement()));
    }
}
