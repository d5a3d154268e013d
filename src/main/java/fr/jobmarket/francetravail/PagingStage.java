package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.ExpressionAdapter;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The beans of the paging routes (harvest-appellation, france-travail and france-travail-token.camel.yaml), under
 * the names those routes use. One rate limiter, one token and one set of counters serve every worker. The rules stay in
 * {@link FranceTravailRequests}, {@link AppellationPaging}, {@link Paging}, {@link QuerySplitter} and
 * {@link RetryPolicy}; this class only adapts them to Camel's processor, predicate and expression types.
 */
public final class PagingStage {

    private PagingStage() {
    }

    /** Binds the beans; returns the live counters of the harvest, for progress lines and metrics. */
    public static HarvestCounters bind(CamelContext context, Settings settings) {
        return bind(context, settings, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With the clock of the token and the search window, and the jitter's random source. */
    public static HarvestCounters bind(CamelContext context, Settings settings, Clock clock, DoubleSupplier random) {
        Registry registry = context.getRegistry();
        HarvestCounters counters = new HarvestCounters();
        FranceTravailRequests requests = new FranceTravailRequests(settings, counters, clock, random);
        QuerySplitter splitter = new QuerySplitter(clock,
                Duration.ofDays(settings.integer("jobmarket.harvest.window-days")));
        AppellationPaging paging = new AppellationPaging(splitter, counters);

        registry.bind("harvestCounters", counters);
        registry.bind("appellationBegin", (Processor) paging::beginAppellation);
        registry.bind("queryBegin", (Processor) paging::beginQuery);
        registry.bind("queryFirstPage", expression(paging::firstPage));
        registry.bind("queryMustSplit", (Predicate) paging::mustSplit);
        registry.bind("queryParts", expression(paging::parts));
        registry.bind("queryNextRanges", expression(paging::nextRanges));
        registry.bind("appellationPages", (AggregationStrategy) new AppellationPages.Aggregation());
        registry.bind("appellationWrite", (Processor) paging::write);

        registry.bind("ftSearch", (Processor) requests::search);
        registry.bind("ftToken", (Processor) requests::token);
        registry.bind("ftBegin", (Processor) requests::begin);
        registry.bind("ftTokenDue", (Predicate) requests::tokenDue);
        registry.bind("ftTokenLock", (Processor) requests::lockToken);
        registry.bind("ftTokenUnlock", (Processor) requests::unlockToken);
        registry.bind("ftPrepare", (Processor) requests::prepare);
        registry.bind("ftRateLimit", (Processor) requests::acquire);
        registry.bind("ftAnswered", (Processor) requests::answered);
        registry.bind("ftAnswer", (Processor) requests::answer);
        // the token request runs on a copy of the exchange; only its requests come back, counted with the page's
        registry.bind("ftTokenCounted", (AggregationStrategy) (original, token) -> {
            original.setProperty(FranceTravailRequests.TALLY, token.getProperty(FranceTravailRequests.TALLY));
            return original;
        });
        return counters;
    }

    private static Expression expression(Function<Exchange, Object> evaluation) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return evaluation.apply(exchange);
            }
        };
    }
}
