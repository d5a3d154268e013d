package fr.jobmarket.geo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import fr.jobmarket.config.Settings;
import fr.jobmarket.geo.ReverseGeocoder.Place;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

class AddressApiGeocoderTest {

    private static final String BORDEAUX = """
            {"type":"FeatureCollection","features":[{"type":"Feature",
              "geometry":{"type":"Point","coordinates":[-0.579,44.8378]},
              "properties":{"label":"2 Place de la Comédie 33000 Bordeaux","postcode":"33000","citycode":"33063",
                            "city":"Bordeaux","type":"housenumber"}}]}""";
    private static final String NOTHING = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    private WireMockServer server;
    private DefaultCamelContext camel;
    private AddressApiGeocoder geocoder;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        camel = new DefaultCamelContext();
        camel.start();
        geocoder = new AddressApiGeocoder(camel, "http://127.0.0.1:" + server.port(), 1000, 2,
                Duration.ofSeconds(5), Duration.ofMillis(1));
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop();
    }

    @Test
    void returnsTheCommuneAndPostalCodeOfTheFirstFeature() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(okJson(BORDEAUX)));

        assertThat(geocoder.reverse(44.837789, -0.57918)).contains(new Place("33063", "33000"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/reverse/"))
                .withQueryParam("lon", equalTo("-0.57918")).withQueryParam("lat", equalTo("44.83779")));
        assertThat(geocoder.failures()).isZero();
    }

    @Test
    void returnsEmptyWithoutCountingAFailureWhenThereIsNoResult() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(okJson(NOTHING)));

        assertThat(geocoder.reverse(0.0, 0.0)).isEmpty();
        assertThat(geocoder.failures()).isZero();
        assertThat(geocoder.httpRequests()).isEqualTo(1);
    }

    @Test
    void retriesAfterAServerErrorThenSucceeds() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        server.stubFor(get(urlPathEqualTo("/reverse/")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(BORDEAUX)));

        assertThat(geocoder.reverse(44.837789, -0.57918)).contains(new Place("33063", "33000"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.failures()).isZero();
    }

    @Test
    void givesUpAfterTheRetryBudgetWithoutThrowing() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(aResponse().withStatus(503)));

        assertThat(geocoder.reverse(44.837789, -0.57918)).isEmpty();
        server.verify(3, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.failures()).isEqualTo(1);

        // A failure is not cached: the next lookup asks again.
        assertThat(geocoder.reverse(44.837789, -0.57918)).isEmpty();
        server.verify(6, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.failures()).isEqualTo(2);
    }

    @Test
    void retriesABrokenConnectionAndCountsTheFailure() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(geocoder.reverse(44.837789, -0.57918)).isEmpty();
        server.verify(3, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.failures()).isEqualTo(1);
    }

    @Test
    void doesNotRetryAClientError() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(aResponse().withStatus(400)));

        assertThat(geocoder.reverse(95.0, 200.0)).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.failures()).isEqualTo(1);
    }

    @Test
    void answersRepeatedCoordinatesFromTheCache() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(okJson(BORDEAUX)));

        assertThat(geocoder.reverse(44.837789, -0.57918)).contains(new Place("33063", "33000"));
        assertThat(geocoder.reverse(44.837789, -0.57918)).contains(new Place("33063", "33000"));
        assertThat(geocoder.reverse(44.8377891, -0.5791801)).contains(new Place("33063", "33000"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/reverse/")));
        assertThat(geocoder.cacheHits()).isEqualTo(2);
    }

    @Test
    void treatsAnAnswerThatIsNotGeoJsonAsAFailure() {
        server.stubFor(get(urlPathEqualTo("/reverse/")).willReturn(aResponse().withStatus(200).withBody("<html>")));

        assertThat(geocoder.reverse(44.837789, -0.57918)).isEmpty();
        assertThat(geocoder.failures()).isEqualTo(1);
    }

    @Test
    void usesTheSandboxGeocoderWithoutFranceTravailCredentials() {
        Settings sandbox = Settings.load(Map.of(), new Properties(), Map.of("jobmarket.http.port", "18080",
                "jobmarket.ft.client.id", "", "jobmarket.ft.client.secret", ""));
        assertThat(AddressApiGeocoder.baseUrl(sandbox)).isEqualTo("http://127.0.0.1:18080/sandbox/geocoder");

        Settings live = Settings.load(Map.of(), new Properties(), Map.of("jobmarket.ft.client.id", "id",
                "jobmarket.ft.client.secret", "secret", "jobmarket.geocoder.url", "https://geo.example.org"));
        assertThat(AddressApiGeocoder.baseUrl(live)).isEqualTo("https://geo.example.org");
    }

    @Test
    void readsItsLimitsFromTheSettings() {
        server.stubFor(get(urlPathEqualTo("/sandbox/geocoder/reverse/")).willReturn(aResponse().withStatus(502)));
        Settings settings = Settings.load(Map.of(), new Properties(), Map.of(
                "jobmarket.http.port", Integer.toString(server.port()), "jobmarket.ft.client.id", "",
                "jobmarket.geocoder.retries", "0", "jobmarket.geocoder.rate-limit", "50"));

        assertThat(new AddressApiGeocoder(camel, settings).reverse(44.837789, -0.57918)).isEmpty();
        server.verify(1, getRequestedFor(urlPathEqualTo("/sandbox/geocoder/reverse/")));
    }
}
