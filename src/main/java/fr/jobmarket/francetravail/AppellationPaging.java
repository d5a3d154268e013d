package fr.jobmarket.francetravail;

import fr.jobmarket.history.JsonArrayFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The steps of the paging routes ({@code harvest-appellation.camel.yaml}) that need a rule: which ranges follow
 * the first page, whether a query must be split and into which parts, and the appellation's raw file.
 */
final class AppellationPaging {

    /** The {@link Appellation} being paged, set once by the {@code harvest-appellation} route. */
    static final String APPELLATION = "appellation";
    /** The {@link QueryPart} being paged. */
    static final String QUERY_PART = "queryPart";
    /** The {@link PageRange} of the page request. */
    static final String PAGE_RANGE = "pageRange";
    /** Where the raw files of the run go ({@link Path}), set once by the {@code harvest} route. */
    static final String RAW_DIRECTORY = "rawDirectory";
    private static final String STARTED = "appellationStarted";

    private static final Logger LOG = LoggerFactory.getLogger(AppellationPaging.class);

    private final QuerySplitter splitter;
    private final HarvestCounters counters;

    AppellationPaging(QuerySplitter splitter, HarvestCounters counters) {
        this.splitter = splitter;
        this.counters = counters;
    }

    /** The appellation in the body becomes a property; its whole query is paged first. */
    void beginAppellation(Exchange exchange) {
        exchange.setProperty(APPELLATION, exchange.getMessage().getBody(Appellation.class));
        exchange.setProperty(STARTED, System.nanoTime());
        exchange.getMessage().setBody(QueryPart.whole());
    }

    /** The query part in the body becomes a property; its first page is also its count. */
    void beginQuery(Exchange exchange) {
        exchange.setProperty(QUERY_PART, exchange.getMessage().getBody(QueryPart.class));
        exchange.setProperty(PAGE_RANGE, Paging.first());
    }

    /** The first page read: the pages of the query so far, and the query's announced total. */
    AppellationPages firstPage(Exchange exchange) {
        SearchPage page = exchange.getMessage().getBody(SearchPage.class);
        boolean paged = !mustSplit(page.total(), exchange);
        if (paged && !Paging.fits(page.total())) {
            LOG.warn("Appellation {}: {} holds {} offers and cannot be split further: only {} are reachable",
                    exchange.getProperty(APPELLATION), exchange.getProperty(QUERY_PART), page.total(),
                    FranceTravailApi.MAX_OFFERS_PER_QUERY);
        }
        AppellationPages pages = new AppellationPages(page.total(), paged);
        pages.add(page, exchange.getProperty(FranceTravailRequests.TALLY, RequestTally.class));
        return pages;
    }

    /** The query holds more than it can page, and can still be split. */
    boolean mustSplit(Exchange exchange) {
        return mustSplit(exchange.getMessage().getBody(AppellationPages.class).announced(), exchange);
    }

    private boolean mustSplit(long total, Exchange exchange) {
        return !Paging.fits(total) && !splitter.split(exchange.getProperty(QUERY_PART, QueryPart.class)).isEmpty();
    }

    /** The parts of a query too big to page. */
    List<QueryPart> parts(Exchange exchange) {
        QueryPart part = exchange.getProperty(QUERY_PART, QueryPart.class);
        List<QueryPart> parts = splitter.split(part);
        LOG.info("Appellation {}: {} holds {} offers, more than the {} one query reaches: split into {} parts",
                exchange.getProperty(APPELLATION), part, exchange.getMessage().getBody(AppellationPages.class).announced(),
                FranceTravailApi.MAX_OFFERS_PER_QUERY, parts.size());
        return parts;
    }

    /** The ranges after the first page, up to the total or the API's maximum start. */
    List<PageRange> nextRanges(Exchange exchange) {
        AppellationPages pages = exchange.getMessage().getBody(AppellationPages.class);
        return Paging.after(exchange.getProperty(PAGE_RANGE, PageRange.class), pages.offers().size(), pages.announced());
    }

    /**
     * Writes the appellation's distinct offers as one JSON array, replacing its raw file atomically (left as it was
     * on failure); the body becomes the {@link AppellationResult}.
     */
    void write(Exchange exchange) {
        Appellation appellation = exchange.getProperty(APPELLATION, Appellation.class);
        AppellationPages pages = exchange.getMessage().getBody(AppellationPages.class);
        Path file = exchange.getProperty(RAW_DIRECTORY, Path.class).resolve(appellation.rawFileName());
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            for (ObjectNode offer : pages.offers()) {
                writer.write(offer);
            }
            writer.commit();
        } catch (IOException e) {
            throw new HarvestException("Appellation " + appellation + ": cannot write " + file + ": " + e.getMessage(), 0, e);
        }
        counters.addOffers(pages.offers().size());
        Duration duration = Duration.ofNanos(System.nanoTime() - exchange.getProperty(STARTED, Long.class));
        RequestTally tally = pages.tally();
        AppellationResult result = new AppellationResult(appellation, pages.announced(), pages.offers().size(),
                tally.requests(), tally.retries(), tally.tooManyRequests(), pages.queries(), duration, file);
        LOG.info("Appellation {}: {} offers ({} announced), pages {}, queries {}, retries {} (429: {}), {} ms",
                appellation, result.offersCollected(), result.announcedTotal(), pages.pages(), pages.queries(),
                result.retries(), result.tooManyRequests(), duration.toMillis());
        exchange.getMessage().setBody(result);
    }
}
