package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pages of one query of an appellation, assembled: its distinct offers and what it cost. The
 * {@link Aggregation} adds each page (or each part of a split query) to the pages of the query that the split
 * started from, so the appellation's offers are assembled by the routes' splits, in page order.
 */
public final class AppellationPages {

    private final long announced;
    private final List<ObjectNode> offers = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private int pages;
    private int queries;
    private RequestTally tally = RequestTally.NONE;

    /**
     * @param announced the total of the query's Content-Range
     * @param paged     whether this query is paged itself (not split into parts)
     */
    AppellationPages(long announced, boolean paged) {
        this.announced = announced;
        this.queries = paged ? 1 : 0;
    }

    void add(SearchPage page, RequestTally cost) {
        pages++;
        tally = tally.plus(cost);
        page.offers().forEach(this::keep);
    }

    void add(AppellationPages part) {
        pages += part.pages;
        queries += part.queries;
        tally = tally.plus(part.tally);
        part.offers.forEach(this::keep);
    }

    private void keep(ObjectNode offer) {
        String id = offer.path("id").asText(null);
        // the same offer comes back in overlapping parts and across pages that moved: first one wins
        if (id == null || ids.add(id)) {
            offers.add(offer);
        }
    }

    public long announced() {
        return announced;
    }

    public List<ObjectNode> offers() {
        return offers;
    }

    public int pages() {
        return pages;
    }

    public int queries() {
        return queries;
    }

    public RequestTally tally() {
        return tally;
    }

    /**
     * Adds a split's results, a {@link SearchPage} with its {@link RequestTally} or the {@link AppellationPages} of
     * a part, to the pages in the body of the exchange that entered the split.
     */
    static final class Aggregation implements AggregationStrategy {

        @Override
        public Exchange aggregate(Exchange oldExchange, Exchange newExchange, Exchange inputExchange) {
            Exchange result = oldExchange != null ? oldExchange : newExchange;
            AppellationPages pages = (oldExchange != null ? oldExchange : inputExchange).getMessage()
                    .getBody(AppellationPages.class);
            Object body = newExchange.getMessage().getBody();
            if (body instanceof SearchPage page) {
                pages.add(page, newExchange.getProperty(FranceTravailRequests.TALLY, RequestTally.class));
            } else if (body instanceof AppellationPages part) {
                pages.add(part);
            }
            result.getMessage().setBody(pages);
            return result;
        }

        @Override
        public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
            throw new UnsupportedOperationException("the pages are added to those of the split's input exchange");
        }
    }
}
