package fr.jobmarket.francetravail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The paging routes against a France Travail stand-in over HTTP (WireMock with {@link FakeFranceTravail}): paging,
 * the cap split, retries, Retry-After, the token, the rate limit and failures, as one appellation's exchange meets them.
 */
class HarvestAppellationRouteTest {

    private static final String SECRET = "s3cr3t-client-value";
    private static final Instant NOW = Instant.parse("2025-07-21T18:00:00Z");
    private static final Appellation DATA_ANALYST = new Appellation("38971", "Data_Analyst");
    private static final String SEARCH = "/partenaire/offresdemploi/v2/offres/search";
    private static final String TOKEN = "/connexion/oauth2/access_token";

    private final FakeFranceTravail fake = new FakeFranceTravail();
    private WireMockServer wiremock;
    private final List<PagingRoutes> started = new ArrayList<>();
    @TempDir
    Path raw;

    @BeforeEach
    void startFakeApi() {
        wiremock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(fake));
        wiremock.start();
        tokenAnswers("token-one");
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).atPriority(10)
                .willReturn(aResponse().withTransformers(FakeFranceTravail.NAME)));
    }

    @AfterEach
    void stop() {
        started.forEach(PagingRoutes::close);
        wiremock.stop();
    }

    private void tokenAnswers(String token) {
        wiremock.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"scope\":\"api_offresdemploiv2 o2dsoffre\",\"expires_in\":1499,\"token_type\":\"Bearer\",\"access_token\":\"" + token + "\"}")));
    }

    private PagingRoutes routes(Map<String, String> more) throws Exception {
        Map<String, String> values = new HashMap<>();
        values.put("jobmarket.ft.client.id", "client-id");
        values.put("jobmarket.ft.client.secret", SECRET);
        values.put("jobmarket.ft.token.url", wiremock.baseUrl() + TOKEN + "?realm=/partenaire");
        values.put("jobmarket.ft.api.url", wiremock.baseUrl() + "/partenaire/offresdemploi/v2");
        values.put("jobmarket.ft.backoff-ms", "10");
        values.put("jobmarket.ft.max-backoff-ms", "40");
        values.put("jobmarket.ft.max-attempts", "3");
        values.put("jobmarket.rate-limit", "1000");
        values.putAll(more);
        PagingRoutes routes = PagingRoutes.start(values, Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5);
        started.add(routes);
        return routes;
    }

    private PagingRoutes routes() throws Exception {
        return routes(Map.of());
    }

    private List<LoggedRequest> searches() {
        return wiremock.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
    }

    private List<String> ranges() {
        return searches().stream().map(r -> r.queryParameter("range").firstValue()).toList();
    }

    private static JsonNode rawFile(AppellationResult result) throws Exception {
        return new ObjectMapper().readTree(result.rawFile().toFile());
    }

    private static Set<String> ids(JsonNode offers) {
        Set<String> ids = new HashSet<>();
        offers.forEach(offer -> ids.add(offer.get("id").asText()));
        return ids;
    }

    @Test
    void answers204MeansNoOfferAndAnEmptyFile() throws Exception {
        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(result.announcedTotal()).isZero();
        assertThat(result.offersCollected()).isZero();
        assertThat(ranges()).containsExactly("0-149");
        assertThat(result.rawFile()).isEqualTo(raw.resolve("38971_Data_Analyst.json"));
        assertThat(rawFile(result).isArray()).isTrue();
        assertThat(rawFile(result)).isEmpty();
    }

    @Test
    void contentRangeStarZeroMeansNoOffer() throws Exception {
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Range", "offres */0").withBody("{}")));

        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(result.offersCollected()).isZero();
        assertThat(rawFile(result)).isEmpty();
    }

    @Test
    void exactly150OffersTakeOneRequest() throws Exception {
        fake.offers("38971", 150, NOW, Duration.ofMinutes(5));

        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(ranges()).containsExactly("0-149");
        assertThat(result.announcedTotal()).isEqualTo(150);
        assertThat(ids(rawFile(result))).hasSize(150);
        assertThat(searches().get(0).queryParameter("appellation").firstValue()).isEqualTo("38971");
        assertThat(searches().get(0).queryParameter("paysContinent").firstValue()).isEqualTo("01");
    }

    @Test
    void offer151TakesASecondPage() throws Exception {
        fake.offers("38971", 151, NOW, Duration.ofMinutes(5));

        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(ranges()).containsExactly("0-149", "150-299");
        assertThat(ids(rawFile(result))).hasSize(151);
        assertThat(result.requests()).isEqualTo(3); // token + two pages
        assertThat(result.queries()).isEqualTo(1);
    }

    @Test
    void exactly3150OffersArePagedTo3000WithoutSplitting() throws Exception {
        fake.offers("38971", 3150, NOW, Duration.ofMinutes(5));

        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(ranges()).hasSize(21).endsWith("3000-3149");
        assertThat(result.offersCollected()).isEqualTo(3150);
        assertThat(searches()).noneMatch(r -> r.queryParameter("minCreationDate").isPresent());
    }

    @Test
    void collectsEveryOfferFarAboveTheCapBySplittingCreationWindows() throws Exception {
        // 8000 offers over 100 days: the 120-day window is halved until each part holds at most 3150
        fake.offers("38971", 8000, NOW, Duration.ofMinutes(18));

        AppellationResult result = routes().harvest(DATA_ANALYST, raw);

        assertThat(result.announcedTotal()).isEqualTo(8000);
        assertThat(result.offersCollected()).isEqualTo(8000);
        assertThat(ids(rawFile(result))).hasSize(8000);
        assertThat(rawFile(result)).hasSize(8000);
        assertThat(result.queries()).isGreaterThan(2);
        assertThat(searches()).allMatch(r -> Integer.parseInt(r.queryParameter("range").firstValue().split("-")[0]) <= 3000);
        assertThat(searches()).allMatch(r -> r.queryParameter("minCreationDate").isPresent()
                == r.queryParameter("maxCreationDate").isPresent());
        assertThat(searches()).filteredOn(r -> r.queryParameter("maxCreationDate").isPresent())
                .allMatch(r -> r.queryParameter("maxCreationDate").firstValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .anyMatch(r -> r.queryParameter("maxCreationDate").firstValue().equals("2025-07-22T18:00:00Z"));
    }

    @Test
    void retriesAfter429HonouringRetryAfter() throws Exception {
        fake.offers("38971", 10, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
                        .withBody("{\"message\":\"too many requests\"}"))
                .willSetStateTo("calm"));

        PagingRoutes routes = routes();
        AppellationResult result = routes.harvest(DATA_ANALYST, raw);

        assertThat(routes.delays()).containsExactly(2000L);
        assertThat(result.tooManyRequests()).isEqualTo(1);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(result.offersCollected()).isEqualTo(10);
    }

    @Test
    void theBackoffStepWaitsWhatRetryAfterSays() throws Exception {
        fake.offers("38971", 10, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        PagingRoutes routes = PagingRoutes.start(Map.of("jobmarket.ft.client.id", "client-id",
                "jobmarket.ft.client.secret", SECRET, "jobmarket.ft.token.url", wiremock.baseUrl() + TOKEN,
                "jobmarket.ft.api.url", wiremock.baseUrl() + "/partenaire/offresdemploi/v2"),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> 0.5, true);
        started.add(routes);

        assertThat(routes.harvest(DATA_ANALYST, raw).offersCollected()).isEqualTo(10);

        List<Long> sent = searches().stream().map(request -> request.getLoggedDate().getTime()).sorted().toList();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1) - sent.get(0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void retriesAfter429WithJitteredBackoffWithoutRetryAfter() throws Exception {
        fake.offers("38971", 10, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("calm"));

        PagingRoutes routes = routes();
        AppellationResult result = routes.harvest(DATA_ANALYST, raw);

        // backoff 10 ms, jitter keeps between half and all of it; the fake random gives 0.5
        assertThat(routes.delays()).containsExactly(7L);
        assertThat(routes.counters().tooManyRequests()).isEqualTo(1);
        assertThat(result.offersCollected()).isEqualTo(10);
    }

    @Test
    void retries5xxThenSucceeds() throws Exception {
        fake.offers("38971", 200, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("once"));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("fine"));

        PagingRoutes routes = routes();
        AppellationResult result = routes.harvest(DATA_ANALYST, raw);

        assertThat(routes.delays()).containsExactly(7L, 15L);
        assertThat(result.retries()).isEqualTo(2);
        assertThat(ids(rawFile(result))).hasSize(200);
    }

    @Test
    void retriesARequestThatTimesOut() throws Exception {
        fake.offers("38971", 10, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withFixedDelay(2_000)).willSetStateTo("fast"));

        AppellationResult result = routes(Map.of("jobmarket.ft.timeout-ms", "300")).harvest(DATA_ANALYST, raw);

        assertThat(searches()).hasSize(2);
        assertThat(result.retries()).isEqualTo(1);
        assertThat(result.offersCollected()).isEqualTo(10);
    }

    @Test
    void failsNamingTheAppellationAndStatusWhenRetriesAreExhausted() throws Exception {
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(503)
                .withBody("{\"message\":\"Service indisponible\"}")));
        Files.writeString(raw.resolve("38971_Data_Analyst.json"), "[{\"id\":\"previous\"}]");

        PagingRoutes routes = routes();
        assertThatThrownBy(() -> routes.harvest(DATA_ANALYST, raw))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("38971 Data_Analyst")
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("Service indisponible")
                .hasMessageContaining("after 3 attempts")
                .satisfies(e -> assertThat(((HarvestException) e).status()).isEqualTo(503));
        assertThat(searches()).hasSize(3);
        assertThat(Files.readString(raw.resolve("38971_Data_Analyst.json"))).isEqualTo("[{\"id\":\"previous\"}]");
    }

    @Test
    void aLaterPageThatStillFailsFailsTheAppellationAndKeepsThePreviousFile() throws Exception {
        fake.offers("38971", 400, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("150-299"))
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Bad gateway\"}")));
        Files.writeString(raw.resolve("38971_Data_Analyst.json"), "[{\"id\":\"previous\"}]");

        PagingRoutes routes = routes();
        assertThatThrownBy(() -> routes.harvest(DATA_ANALYST, raw))
                .isInstanceOf(HarvestException.class)
                .hasMessage("Appellation 38971 Data_Analyst, whole query, range 150-299: HTTP 502: Bad gateway (after 3 attempts)");
        // the split stopped at the failing page: 300-449 was never asked
        assertThat(ranges()).containsExactly("0-149", "150-299", "150-299", "150-299");
        assertThat(Files.readString(raw.resolve("38971_Data_Analyst.json"))).isEqualTo("[{\"id\":\"previous\"}]");
    }

    @Test
    void retriesTheTokenRequestAndCountsItWithThePage() throws Exception {
        fake.offers("38971", 10, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));

        PagingRoutes routes = routes();
        AppellationResult result = routes.harvest(DATA_ANALYST, raw);

        wiremock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(routes.delays()).containsExactly(7L);
        assertThat(result.requests()).isEqualTo(3); // two token requests, one page
        assertThat(result.retries()).isEqualTo(1);
        assertThat(result.offersCollected()).isEqualTo(10);
    }

    @Test
    void failsAtOnceOn400WithTheApiMessage() throws Exception {
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"codeHttp\":400,\"message\":\"Le code appellation est invalide.\"}")));

        PagingRoutes routes = routes();
        assertThatThrownBy(() -> routes.harvest(DATA_ANALYST, raw))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("38971 Data_Analyst")
                .hasMessageContaining("HTTP 400: Le code appellation est invalide.");
        assertThat(searches()).hasSize(1);
    }

    @Test
    void refreshesTheTokenOnceWhenItExpiresMidRun() throws Exception {
        fake.offers("38971", 400, NOW, Duration.ofMinutes(5));
        // the second page finds the first token expired; the token endpoint then hands out a new one
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("150-299"))
                .withHeader("Authorization", equalTo("Bearer token-one"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Token expired\"}")));
        PagingRoutes routes = routes();
        wiremock.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("renew").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"token-one\",\"expires_in\":1499}"))
                .willSetStateTo("second"));
        wiremock.stubFor(post(urlPathEqualTo(TOKEN)).inScenario("renew").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody("{\"access_token\":\"token-two\",\"expires_in\":1499}")));

        AppellationResult result = routes.harvest(DATA_ANALYST, raw);

        assertThat(ids(rawFile(result))).hasSize(400);
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN)));
        assertThat(searches()).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-one", "Bearer token-one", "Bearer token-two", "Bearer token-two");
    }

    @Test
    void asksForTheTokenExactlyAsFranceTravailExpects() throws Exception {
        routes().harvest(DATA_ANALYST, raw);

        LoggedRequest token = wiremock.findAll(postRequestedFor(urlPathEqualTo(TOKEN))).get(0);
        assertThat(token.queryParameter("realm").firstValue()).isEqualTo("/partenaire");
        assertThat(token.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(token.getBodyAsString()).isEqualTo("grant_type=client_credentials&client_id=client-id&client_secret="
                + SECRET + "&scope=o2dsoffre+api_offresdemploiv2");
        assertThat(searches().get(0).getHeader("Authorization")).isEqualTo("Bearer token-one");
    }

    @Test
    void failsNamingTheAppellationAndRangeOnAMalformedPage() throws Exception {
        fake.offers("38971", 400, NOW, Duration.ofMinutes(5));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("150-299"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Range", "offres 150-299/400")
                        .withBody("{\"resultats\":[{\"id\":\"A1\"},")));

        PagingRoutes routes = routes();
        assertThatThrownBy(() -> routes.harvest(DATA_ANALYST, raw))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("38971 Data_Analyst")
                .hasMessageContaining("range 150-299")
                .hasMessageContaining("not valid JSON");
        assertThat(ranges()).containsExactly("0-149", "150-299", "150-299", "150-299");
        assertThat(raw.resolve("38971_Data_Analyst.json")).doesNotExist();
    }

    @Test
    void neverSendsBackTheHeadersOfAnAnswer() throws Exception {
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("0-149"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Range", "offres 0-149/151")
                        .withHeader("X-RateLimit-Remaining", "3").withHeader("X-Echo", "leak")
                        .withHeader("Set-Cookie", "session=abc; Path=/")
                        .withBody("{\"resultats\":[{\"id\":\"A1\"}]}")));
        wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("150-299"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Range", "offres 150-150/151")
                        .withBody("{\"resultats\":[{\"id\":\"A2\"}]}")));

        PagingRoutes routes = routes();
        routes.harvest(DATA_ANALYST, raw);
        routes.harvest(new Appellation("38972", "Data_Scientist"), raw);

        assertThat(searches()).hasSize(4).allSatisfy(request -> {
            assertThat(request.containsHeader("Content-Range")).isFalse();
            assertThat(request.containsHeader("X-RateLimit-Remaining")).isFalse();
            assertThat(request.containsHeader("X-Echo")).isFalse();
            assertThat(request.containsHeader("Cookie")).isFalse();
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-one");
        });
    }

    @Test
    void neverExceedsTheRateLimitInAnyOneSecondWindow() throws Exception {
        List<Appellation> appellations = List.of(DATA_ANALYST, new Appellation("38972", "Data_Scientist"),
                new Appellation("404278", "Data_Engineer"));
        for (Appellation appellation : appellations) {
            fake.offers(appellation.code(), 600, NOW, Duration.ofMinutes(5));
        }
        PagingRoutes routes = routes(Map.of("jobmarket.rate-limit", "4"));

        ExecutorService workers = Executors.newFixedThreadPool(3);
        List<Future<AppellationResult>> results = new ArrayList<>();
        for (Appellation appellation : appellations) {
            results.add(workers.submit(() -> routes.harvest(appellation, raw)));
        }
        for (Future<AppellationResult> result : results) {
            assertThat(result.get().offersCollected()).isEqualTo(600);
        }
        workers.shutdown();

        List<Long> sent = wiremock.getAllServeEvents().stream()
                .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(sent).hasSize(13); // one token, 4 pages per appellation
        for (int i = 4; i < sent.size(); i++) {
            assertThat(sent.get(i) - sent.get(i - 4)).as("5 requests within one second at request %d", i)
                    .isGreaterThanOrEqualTo(1000);
        }
        assertThat(routes.counters().requests()).isEqualTo(13);
        assertThat(routes.counters().offers()).isEqualTo(1800);
    }

    @Test
    void neverLogsOrReportsTheSecretOrTheToken() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // our own DEBUG lines included; libraries at their configured levels (the HTTP client's wire log at
        // DEBUG prints whole requests, so logback.xml must keep org.apache.hc at INFO or above)
        Logger ours = (Logger) LoggerFactory.getLogger("fr.jobmarket");
        ch.qos.logback.classic.Level level = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            fake.offers("38971", 200, NOW, Duration.ofMinutes(5));
            wiremock.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("range", equalTo("150-299"))
                    .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"echo Bearer token-one " + SECRET + "\"}")));
            PagingRoutes routes = routes();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> routes.harvest(DATA_ANALYST, raw));
            wiremock.stubFor(post(urlPathEqualTo(TOKEN)).willReturn(aResponse().withStatus(401)
                    .withBody("{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + SECRET + "\"}")));
            PagingRoutes refused = routes(Map.of("jobmarket.ft.token.url", wiremock.baseUrl() + TOKEN,
                    "jobmarket.ft.api.url", wiremock.baseUrl()));
            Throwable tokenFailure = org.assertj.core.api.Assertions.catchThrowable(() -> refused.harvest(DATA_ANALYST, raw));

            assertThat(failure).isInstanceOf(HarvestException.class).hasMessageContaining("HTTP 500");
            assertThat(tokenFailure).isInstanceOf(HarvestException.class).hasMessageContaining("HTTP 401");
            for (Throwable error : List.of(failure, tokenFailure)) {
                assertThat(error.getMessage()).doesNotContain(SECRET).doesNotContain("token-one");
            }
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage())
                    .doesNotContain(SECRET).doesNotContain("token-one"));
        } finally {
            root.detachAppender(logs);
            ours.setLevel(level);
        }
    }
}
