package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.harvest.OfferBatch;
import fr.jobmarket.support.ProcessRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The locate and reverse-geocode routes with Camel's test kit, when the batch request fails: the geocoder's HTTP
 * endpoint is woven out for a mock endpoint, whose answers (or failures) each test scripts. The batch request
 * itself is {@link GeocodeBatchRouteTest}'s subject.
 */
class ReverseGeocodeRouteTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BORDEAUX_ANSWER = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"citycode\":\"33063\",\"postcode\":\"33000\"}}]}";

    @TempDir
    Path directory;

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        ProcessRoutes.configure(context, GeoReference.load(), 1, 1000);
        return context;
    }

    /** The single requests' endpoint; the batch request fails, so every point is asked alone (the fallback). */
    private MockEndpoint geocoder() throws Exception {
        AdviceWith.adviceWith(context, "geocoder-request", route -> route.weaveById("geocoder-http").replace().to("mock:geocoder"));
        AdviceWith.adviceWith(context, "geocode-batch", route -> route.weaveById("geocode-batch-http").replace()
                .throwException(new ConnectException("Connection refused")));
        context.start();
        return getMockEndpoint("mock:geocoder");
    }

    /** Offers known by their coordinates only, around Bordeaux, each at its own point. */
    private Path coordinateOnlyOffers(String name, int count) throws IOException {
        ArrayNode offers = MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode offer = offers.addObject().put("id", "190G" + String.format(Locale.ROOT, "%03d", i));
            offer.putObject("lieuTravail").put("libelle", "33 - BORDEAUX").put("latitude", 44.80 + i * 0.001)
                    .put("longitude", -0.58);
        }
        return Files.writeString(directory.resolve(name), MAPPER.writeValueAsString(offers));
    }

    private OfferBatch.Result process(Path... rawFiles) throws Exception {
        return ProcessRoutes.run(context, List.of(rawFiles), LocalDate.parse("2025-03-14"), directory.resolve("batch.json"));
    }

    private List<String> field(String name) throws IOException {
        return MAPPER.readTree(directory.resolve("batch.json").toFile()).findValuesAsText(name);
    }

    @Test
    void aGeocoderOutageOpensTheBreakerAndTheRunStillSucceeds() throws Exception {
        MockEndpoint geocoder = geocoder();
        geocoder.whenAnyExchangeReceived(exchange -> {
            throw new ConnectException("Connection refused");
        });

        OfferBatch.Result result = process(coordinateOnlyOffers("raw.json", 30));

        // 10 points asked twice (one retry each), then the breaker is open: 20 points never reach the geocoder
        assertThat(geocoder.getReceivedCounter()).isEqualTo(20);
        assertThat(result.counts()).containsEntry("kept", 30L).containsEntry("geocoding_requests", 30L)
                .containsEntry("geocoding_failures", 30L);
        assertThat(field("lieu_cas")).hasSize(30).containsOnly("cas_2");
        assertThat(field("code_departement")).containsOnly("33");
    }

    @Test
    void aFailedRequestIsRetriedAndItsAnswerUsed() throws Exception {
        MockEndpoint geocoder = geocoder();
        geocoder.whenExchangeReceived(1, exchange -> {
            throw new ConnectException("Connection refused");
        });
        geocoder.whenExchangeReceived(2, exchange -> exchange.getMessage().setBody(BORDEAUX_ANSWER));

        OfferBatch.Result result = process(coordinateOnlyOffers("raw.json", 1));

        assertThat(geocoder.getReceivedCounter()).isEqualTo(2);
        assertThat(result.counts()).containsEntry("geocoding_failures", 0L);
        assertThat(field("code_insee")).containsExactly("33063");
        assertThat(field("nom_commune")).containsExactly("Bordeaux");
    }

    @Test
    void answersAreCachedAcrossRunsAndEachRequestCarriesThePoint() throws Exception {
        MockEndpoint geocoder = geocoder();
        geocoder.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(BORDEAUX_ANSWER));
        geocoder.expectedMessageCount(2);
        geocoder.message(0).header(Exchange.HTTP_QUERY).isEqualTo("lon=-0.58000&lat=44.80000&index=address");

        process(coordinateOnlyOffers("first.json", 2));
        OfferBatch.Result second = process(coordinateOnlyOffers("second.json", 2));

        geocoder.assertIsSatisfied();
        assertThat(second.counts()).containsEntry("geocoding_requests", 2L).containsEntry("geocoding_failures", 0L);
        assertThat(field("code_insee")).containsExactly("33063", "33063");
    }

    @Test
    void anAnswerThatIsNotGeoCodeJsonCountsAsAFailure() throws Exception {
        MockEndpoint geocoder = geocoder();
        geocoder.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("<html>maintenance</html>"));

        OfferBatch.Result result = process(coordinateOnlyOffers("raw.json", 1));

        assertThat(result.counts()).containsEntry("geocoding_failures", 1L);
        assertThat(field("lieu_cas")).containsExactly("cas_2");
    }
}
