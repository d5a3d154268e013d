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
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.hc.core5.http.HttpEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The geocode-batch route with Camel's test kit, in the process stage as the service runs it: the batch request's
 * and the single requests' HTTP endpoints are woven out for mock endpoints, whose answers each test scripts.
 */
class GeocodeBatchRouteTest extends CamelTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BORDEAUX_ANSWER = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"citycode\":\"33063\",\"postcode\":\"33000\"}}]}";
    private static final String HEADER = "lat,lon,result_label,result_context,result_postcode,result_citycode,result_status\n";

    @TempDir
    Path directory;

    private MockEndpoint batch;
    private MockEndpoint single;

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

    private void geocoders() throws Exception {
        AdviceWith.adviceWith(context, "geocode-batch", route -> route.weaveById("geocode-batch-http").replace().to("mock:batch"));
        AdviceWith.adviceWith(context, "geocoder-request", route -> route.weaveById("geocoder-http").replace().to("mock:single"));
        context.start();
        batch = getMockEndpoint("mock:batch");
        single = getMockEndpoint("mock:single");
        single.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(BORDEAUX_ANSWER));
    }

    /** Offers known by their coordinates only, around Bordeaux, the i-th at its own point (ids from {@code first}). */
    private static void coordinateOnlyOffers(ArrayNode offers, int first, int count) {
        for (int i = first; i < first + count; i++) {
            ObjectNode offer = offers.addObject().put("id", "190G" + String.format(Locale.ROOT, "%03d", offers.size()));
            offer.putObject("lieuTravail").put("libelle", "33 - BORDEAUX").put("latitude", latitude(i)).put("longitude", -0.58);
        }
    }

    private static double latitude(int i) {
        return 44.80 + i * 0.001;
    }

    private Path rawFile(String name, int count) throws IOException {
        ArrayNode offers = MAPPER.createArrayNode();
        coordinateOnlyOffers(offers, 0, count);
        return Files.writeString(directory.resolve(name), MAPPER.writeValueAsString(offers));
    }

    private OfferBatch.Result process(Path... rawFiles) throws Exception {
        return ProcessRoutes.run(context, List.of(rawFiles), LocalDate.parse("2025-03-14"), directory.resolve("batch.json"));
    }

    /** The attribute of each offer of the batch file, in order (null for JSON null). */
    private List<String> field(String name) throws IOException {
        List<String> values = new ArrayList<>();
        MAPPER.readTree(directory.resolve("batch.json").toFile())
                .forEach(offer -> values.add(offer.get(name).isNull() ? null : offer.get(name).asText()));
        return values;
    }

    /** The rows the geocoder answers for the points of the request: Bordeaux, with a label and context quoted. */
    private static void answerBordeaux(Exchange exchange) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Coordinates point : points(exchange)) {
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,", point.latitude(), point.longitude()))
                    .append("\"1 Place de la Bourse, 33000 Bordeaux\",\"33, Gironde, Nouvelle-Aquitaine\",33000,33063,ok\n");
        }
        exchange.getMessage().setBody(csv.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Coordinates> points(Exchange exchange) {
        return exchange.getProperty(ReverseGeocoding.POINTS, List.class);
    }

    private static String sent(Exchange request) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        request.getMessage().getBody(HttpEntity.class).writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void oneBatchRequestAnswersEveryPointOfTheRunAndNoSingleRequestGoesOut() throws Exception {
        geocoders();
        batch.whenAnyExchangeReceived(GeocodeBatchRouteTest::answerBordeaux);
        ArrayNode offers = MAPPER.createArrayNode();
        coordinateOnlyOffers(offers, 0, 30);
        coordinateOnlyOffers(offers, 0, 5); // other offers at the same workplaces: their points are sent once
        offers.addObject().put("id", "190REUN").putObject("lieuTravail").put("libelle", "974 - ST DENIS")
                .put("latitude", -20.88).put("longitude", 55.45); // dropped by the metropolitan filter: not sent
        offers.addObject().put("id", "190BORD").putObject("lieuTravail").put("libelle", "33 - Bordeaux")
                .put("commune", "33063").put("latitude", 44.84).put("longitude", -0.57); // a commune code: not sent

        OfferBatch.Result result = process(Files.writeString(directory.resolve("raw.json"), MAPPER.writeValueAsString(offers)));

        assertThat(batch.getReceivedCounter()).isEqualTo(1);
        assertThat(single.getReceivedCounter()).isZero();
        Exchange request = batch.getReceivedExchanges().get(0);
        assertThat(points(request)).hasSize(30);
        String form = sent(request);
        assertThat(form).contains("name=\"data\"; filename=\"points.csv\"", "Content-Type: text/csv", "lat,lon\n44.80000,-0.58000\n",
                "44.82900,-0.58000\n").doesNotContain("-20.88", "44.84000");
        assertThat(result.counts()).containsEntry("geocoding_batch_requests", 1L).containsEntry("geocoding_batch_points", 30L)
                .containsEntry("geocoding_batch_failures", 0L).containsEntry("geocoding_single_requests", 0L)
                .containsEntry("geocoding_requests", 35L).containsEntry("geocoding_failures", 0L);
        assertThat(field("code_insee")).hasSize(36).containsOnly("33063");
    }

    @Test
    void cachedPointsAreNotSentAgainInTheNextRun() throws Exception {
        geocoders();
        batch.whenAnyExchangeReceived(GeocodeBatchRouteTest::answerBordeaux);

        process(rawFile("first.json", 2));
        OfferBatch.Result second = process(rawFile("second.json", 3));

        assertThat(batch.getReceivedCounter()).isEqualTo(2);
        assertThat(points(batch.getReceivedExchanges().get(1))).containsExactly(new Coordinates(latitude(2), -0.58));
        assertThat(single.getReceivedCounter()).isZero();
        assertThat(second.counts()).containsEntry("geocoding_batch_points", 1L).containsEntry("geocoding_requests", 3L);
        assertThat(field("code_insee")).containsExactly("33063", "33063", "33063");
    }

    @Test
    void aBatchAnsweredWith500FallsBackToSingleRequests() throws Exception {
        geocoders();
        batch.whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException("http://127.0.0.1:9/reverse/csv", 500, "Internal Server Error", null,
                    Map.of(), "{\"code\":500}");
        });

        OfferBatch.Result result = process(rawFile("raw.json", 12));

        assertThat(batch.getReceivedCounter()).isEqualTo(1);
        assertThat(single.getReceivedCounter()).isEqualTo(12);
        assertThat(result.counts()).containsEntry("geocoding_batch_failures", 1L).containsEntry("geocoding_batch_points", 0L)
                .containsEntry("geocoding_single_requests", 12L).containsEntry("geocoding_failures", 0L);
        assertThat(field("code_insee")).hasSize(12).containsOnly("33063");
    }

    @Test
    void anAnswerThatIsNotTheCsvFallsBackToSingleRequests() throws Exception {
        geocoders();
        batch.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("<html>maintenance</html>"));

        OfferBatch.Result result = process(rawFile("raw.json", 3));

        assertThat(single.getReceivedCounter()).isEqualTo(3);
        assertThat(result.counts()).containsEntry("geocoding_batch_failures", 1L).containsEntry("geocoding_failures", 0L);
        assertThat(field("code_insee")).containsOnly("33063");
    }

    @Test
    void nothingFoundIsRememberedWhileFailedOrMissingRowsAreAskedAlone() throws Exception {
        geocoders();
        batch.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody(HEADER
                + "44.80000,-0.58000,\"1 Place de la Bourse, 33000 Bordeaux\",\"33, Gironde\",33000,33063,ok\n"
                + "44.80100,-0.58000,,,,,not-found\n"
                + "44.80200,-0.58000,,,,,error\n")); // and no row at all for the fourth point

        OfferBatch.Result result = process(rawFile("raw.json", 4));

        assertThat(single.getReceivedCounter()).isEqualTo(2);
        assertThat(result.counts()).containsEntry("geocoding_batch_points", 2L).containsEntry("geocoding_single_requests", 2L)
                .containsEntry("geocoding_failures", 1L);
        assertThat(field("code_insee")).containsExactly("33063", null, "33063", "33063");
        assertThat(field("lieu_cas")).containsOnly("cas_2");
    }
}
