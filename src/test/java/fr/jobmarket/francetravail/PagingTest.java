package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    /** The ranges requested for a query of {@code total} offers when every page comes back full. */
    private static List<String> ranges(long total) {
        List<String> ranges = new ArrayList<>();
        Optional<PageRange> range = Optional.of(Paging.first());
        while (range.isPresent()) {
            PageRange current = range.get();
            ranges.add(current.toString());
            int received = (int) Math.max(0, Math.min(current.end(), total - 1) - current.start() + 1);
            range = Paging.next(current, received, total);
        }
        return ranges;
    }

    @Test
    void readsEverythingFromTheFirstPageWhenItHoldsAll() {
        assertThat(ranges(46)).containsExactly("0-149");
        assertThat(ranges(150)).containsExactly("0-149");
    }

    @Test
    void pagesBy150UntilTheEndReachesTheTotal() {
        assertThat(ranges(351)).containsExactly("0-149", "150-299", "300-449");
        assertThat(ranges(300)).containsExactly("0-149", "150-299");
        assertThat(ranges(151)).containsExactly("0-149", "150-299");
    }

    @Test
    void neverStartsAbove3000() {
        assertThat(ranges(3150)).hasSize(21).endsWith("3000-3149");
        assertThat(ranges(9848)).hasSize(21).endsWith("3000-3149");
    }

    @Test
    void stopsOnAnEmptyPage() {
        assertThat(Paging.next(new PageRange(150, 299), 0, 1000)).isEmpty();
    }

    @Test
    void plansTheRangesAfterTheFirstPage() {
        assertThat(Paging.after(Paging.first(), 150, 351)).extracting(PageRange::toString).containsExactly("150-299", "300-449");
        assertThat(Paging.after(Paging.first(), 46, 46)).isEmpty();
        assertThat(Paging.after(Paging.first(), 0, 1000)).isEmpty();
        assertThat(Paging.after(Paging.first(), 150, 9848)).hasSize(20).last().hasToString("3000-3149");
    }

    @Test
    void tellsWhetherAQueryFitsTheCap() {
        assertThat(Paging.fits(3150)).isTrue();
        assertThat(Paging.fits(3151)).isFalse();
        assertThat(FranceTravailApi.MAX_OFFERS_PER_QUERY).isEqualTo(3150);
    }
}
