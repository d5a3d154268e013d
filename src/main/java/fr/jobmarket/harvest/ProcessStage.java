package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.GeoReference;
import fr.jobmarket.geo.LocationEnricher;
import fr.jobmarket.geo.MetropolitanFilter;
import fr.jobmarket.geo.Place;
import fr.jobmarket.geo.ReverseGeocoding;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.ExpressionAdapter;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The beans of the process stage, under the names its routes use (process.camel.yaml, locate.camel.yaml).
 *
 * <p>The steps that run for every offer are bound as Camel predicates, expressions and processors that call the
 * rules directly: called through bean binding (reflection and parameter conversion at each call), these six steps
 * took more time than the rules themselves on a 35,000-offer run. The rules stay in {@link OfferBatch} and
 * {@link LocationEnricher}; this class only adapts them.
 */
public final class ProcessStage {

    /** Exchange property holding the run's extraction date ({@link LocalDate}), set once by the harvest route. */
    public static final String EXTRACTION_DATE = "extractionDate";
    /** Exchange property holding the geocoder's answer for the offer's point ({@link Place}). */
    public static final String PLACE = "geocodedPlace";
    private static final ContentType CSV = ContentType.create("text/csv", StandardCharsets.UTF_8);

    private ProcessStage() {
    }

    /**
     * {@code offerBatch}, {@code runOfferIds} (the dedupe's repository: one run's ids, unbounded, since a bounded one
     * would forget ids and let duplicates through), {@code batchWriterPool} (the aggregator's single output thread),
     * {@code reverseGeocoding}, and the per-offer steps {@code offerHasId}, {@code offerId},
     * {@code offerIsMetropolitan}, {@code offerPointToGeocode}, {@code offerLocation} and {@code offerDates}; and
     * {@code geocoderCsvForm}, which wraps a batch request's CSV as the geocoder's upload form.
     */
    public static void bind(CamelContext context, GeoReference reference) {
        Registry registry = context.getRegistry();
        LocationEnricher locations = new LocationEnricher(reference);
        ReverseGeocoding reverseGeocoding = new ReverseGeocoding();
        MemoryIdempotentRepository runOfferIds = new MemoryIdempotentRepository(new ConcurrentHashMap<>());
        OfferBatch batch = new OfferBatch(new MetropolitanFilter(), locations, reverseGeocoding, runOfferIds);
        registry.bind("offerBatch", batch);
        registry.bind("runOfferIds", runOfferIds);
        registry.bind("reverseGeocoding", reverseGeocoding);
        registry.bind("batchWriterPool", context.getExecutorServiceManager().newSingleThreadExecutor(OfferBatch.class, "batch-writer"));

        registry.bind("offerHasId", (Predicate) exchange -> batch.hasId(offer(exchange), batchOf(exchange)));
        registry.bind("offerId", expression(exchange -> batch.offerId(offer(exchange))));
        registry.bind("offerIsMetropolitan", (Predicate) exchange -> batch.isMetropolitan(offer(exchange), batchOf(exchange)));
        registry.bind("offerPointToGeocode", expression(exchange -> locations.pointToGeocode(offer(exchange))));
        registry.bind("offerLocation", (Processor) exchange ->
                locations.enrich(offer(exchange), exchange.getProperty(PLACE, Place.class)));
        registry.bind("offerDates", (Processor) exchange -> batch.stamp(offer(exchange),
                exchange.getProperty(EXTRACTION_DATE, LocalDate.class), batchOf(exchange)));
        registry.bind("geocoderCsvForm", (Processor) ProcessStage::csvForm);
    }

    /**
     * The body (a CSV file) as the multipart form /reverse/csv reads, as {@code curl -F data=@points.csv} sends it:
     * a file part {@code data} with its file name, and the delimiter said rather than left for the geocoder to
     * guess. (camel-http's own {@code multipartUpload} sends a text body as a plain field, without a file name.)
     */
    private static void csvForm(Exchange exchange) {
        exchange.getMessage().setBody(MultipartEntityBuilder.create()
                .addTextBody("delimiter", ",")
                .addBinaryBody("data", exchange.getMessage().getBody(byte[].class), CSV, "points.csv")
                .build());
    }

    private static ObjectNode offer(Exchange exchange) {
        return exchange.getMessage().getBody(ObjectNode.class);
    }

    private static OfferBatch.Batch batchOf(Exchange exchange) {
        return exchange.getProperty(OfferBatch.BATCH, OfferBatch.Batch.class);
    }

    private interface Evaluation {
        Object evaluate(Exchange exchange);
    }

    private static Expression expression(Evaluation evaluation) {
        return new ExpressionAdapter() {
            @Override
            public Object evaluate(Exchange exchange) {
                return evaluation.evaluate(exchange);
            }
        };
    }
}
