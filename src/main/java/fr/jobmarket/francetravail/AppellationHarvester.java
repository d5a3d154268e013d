package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Harvests one appellation: pages its query 150 offers at a time, splits a query too big for the API's
 * 3150-offer reach until every part fits, and writes the distinct offers as one JSON array. One instance
 * is shared by all workers: the rate limit, the token and the counters are global.
 */
public final class AppellationHarvester {

    private static final Logger LOG = LoggerFactory.getLogger(AppellationHarvester.class);

    private final FranceTravailClient client;
    private final QuerySplitter splitter;
    private final HarvestCounters counters = new HarvestCounters();

    public AppellationHarvester(CamelContext context, Settings settings) {
        this(context, settings, Clock.systemUTC(), Thread::sleep, () -> ThreadLocalRandom.current().nextDouble());
    }

    AppellationHarvester(CamelContext context, Settings settings, Clock clock, FranceTravailClient.Sleeper sleeper,
            DoubleSupplier random) {
        this.client = new FranceTravailClient(context, settings, counters, clock, sleeper, random);
        this.splitter = new QuerySplitter(clock,
                Duration.ofDays(settings.integer("jobmarket.harvest.window-days", 1, 36500)));
    }

    /** Live totals across all appellations, for progress lines and metrics. */
    public HarvestCounters counters() {
        return counters;
    }

    public FranceTravailEndpoints endpoints() {
        return client.endpoints();
    }

    /**
     * Collects every offer of {@code appellation} into {@code <rawDirectory>/<code>_<libelle>.json} (replaced
     * atomically; left as it was on failure).
     *
     * @throws HarvestException when a request still fails after its retries, naming the appellation, the
     *                          status and the API's message
     */
    public AppellationResult harvest(Appellation appellation, Path rawDirectory) {
        long started = System.nanoTime();
        Path file = rawDirectory.resolve(appellation.rawFileName());
        Harvest harvest = new Harvest(appellation);
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            harvest.writer = writer;
            long announced = harvest.collect(QueryPart.whole());
            writer.commit();
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            AppellationResult result = new AppellationResult(appellation, announced, writer.count(),
                    harvest.tally.requests, harvest.tally.retries, harvest.tally.tooManyRequests, harvest.queries,
                    duration, file);
            LOG.info("Appellation {}: {} offers ({} announced), pages {}, queries {}, retries {} (429: {}), {} ms",
                    appellation, result.offersCollected(), announced, harvest.pages, harvest.queries,
                    result.retries(), result.tooManyRequests(), duration.toMillis());
            return result;
        } catch (IOException e) {
            throw new HarvestException("Appellation " + appellation + ": cannot write " + file + ": " + e.getMessage(), 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException("Appellation " + appellation + ": interrupted", 0, e);
        }
    }

    /** The state of one appellation's harvest (one worker thread). */
    private final class Harvest {
        final Appellation appellation;
        final FranceTravailClient.Tally tally = new FranceTravailClient.Tally();
        final Set<String> ids = new HashSet<>();
        JsonArrayFiles.AtomicWriter writer;
        int queries;
        int pages;

        Harvest(Appellation appellation) {
            this.appellation = appellation;
        }

        /** Pages {@code part}, or its parts when it is too big; returns the total {@code part} announced. */
        long collect(QueryPart part) throws IOException, InterruptedException {
            PageRange range = Paging.first();
            SearchPage page = fetch(part, range);
            long announced = page.total();
            keep(page);
            if (!Paging.fits(announced)) {
                List<QueryPart> parts = splitter.split(part);
                if (!parts.isEmpty()) {
                    LOG.info("Appellation {}: {} holds {} offers, more than the {} one query reaches: split into {} parts",
                            appellation, part, announced, FranceTravailApi.MAX_OFFERS_PER_QUERY, parts.size());
                    for (QueryPart smaller : parts) {
                        collect(smaller);
                    }
                    return announced;
                }
                LOG.warn("Appellation {}: {} holds {} offers and cannot be split further: only {} are reachable",
                        appellation, part, announced, FranceTravailApi.MAX_OFFERS_PER_QUERY);
            }
            queries++;
            Optional<PageRange> next = Paging.next(range, page.offers().size(), page.total());
            while (next.isPresent()) {
                range = next.get();
                page = fetch(part, range);
                keep(page);
                next = Paging.next(range, page.offers().size(), page.total());
            }
            return announced;
        }

        private SearchPage fetch(QueryPart part, PageRange range) throws InterruptedException {
            String what = "Appellation " + appellation + ", " + part + ", range " + range;
            SearchPage page = client.search(what, part.queryString(appellation.code(), range), tally);
            pages++;
            return page;
        }

        private void keep(SearchPage page) throws IOException {
            for (ObjectNode offer : page.offers()) {
                String id = offer.path("id").asText(null);
                // the same offer comes back in overlapping parts and across pages that moved: first one wins
                if (id == null || ids.add(id)) {
                    writer.write(offer);
                    counters.addOffer();
                }
            }
        }
    }
}
