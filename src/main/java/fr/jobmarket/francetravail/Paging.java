package fr.jobmarket.francetravail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static fr.jobmarket.francetravail.FranceTravailApi.MAX_OFFERS_PER_QUERY;
import static fr.jobmarket.francetravail.FranceTravailApi.MAX_START;
import static fr.jobmarket.francetravail.FranceTravailApi.PAGE_SIZE;

/**
 * The paging rule of one query. The first page is also the count: its Content-Range gives the total, so
 * no request is spent only to count.
 */
public final class Paging {

    private Paging() {
    }

    public static PageRange first() {
        return new PageRange(0, PAGE_SIZE - 1);
    }

    /**
     * The range after {@code current}, or empty when paging is over: the page came back empty (or 204),
     * its end reached {@code total - 1}, or the next start would pass {@link FranceTravailApi#MAX_START}.
     *
     * @param received offers in the page just read
     * @param total    the total of that page's Content-Range
     */
    public static Optional<PageRange> next(PageRange current, int received, long total) {
        if (received == 0 || current.end() >= total - 1) {
            return Optional.empty();
        }
        long start = current.end() + 1;
        if (start > MAX_START) {
            return Optional.empty();
        }
        return Optional.of(new PageRange(start, start + PAGE_SIZE - 1));
    }

    /**
     * The ranges to request after {@code first}, given what {@code first} held: every one up to the total (or the
     * API's maximum start), as {@link #next} plans them when each page comes back full.
     */
    public static List<PageRange> after(PageRange first, int received, long total) {
        List<PageRange> ranges = new ArrayList<>();
        Optional<PageRange> range = next(first, received, total);
        while (range.isPresent()) {
            ranges.add(range.get());
            range = next(range.get(), PAGE_SIZE, total);
        }
        return ranges;
    }

    /** Whether one query can page all of {@code total} offers; otherwise it must be split. */
    public static boolean fits(long total) {
        return total <= MAX_OFFERS_PER_QUERY;
    }
}
