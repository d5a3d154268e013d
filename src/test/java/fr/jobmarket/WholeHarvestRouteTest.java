package fr.jobmarket;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.metrics.MetricsConfiguration;
import fr.jobmarket.support.RunRecords;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.apache.camel.builder.Builder.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole sandbox harvest under the Camel test kit: the product's routes and beans started by Camel main,
 * remote endpoints replaced with AdviceWith, NotifyBuilder waiting for the run to end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeHarvestRouteTest extends CamelMainTestSupport {

    private static final Settings SETTINGS = TestDatabase.settings(Map.of(
            "jobmarket.http.port", Integer.toString(TestApplication.freePort()),
            "jobmarket.sandbox.offers", "600",
            "jobmarket.sandbox.rate-limit", "1000",
            "jobmarket.rate-limit", "200",
            // retries pause briefly: the scenarios below fail pages on purpose
            "jobmarket.ft.backoff-ms", "10",
            "jobmarket.ft.max-backoff-ms", "20"));
    private static final Database DATABASE = Database.open(SETTINGS);

    @AfterAll
    static void closeDatabase() {
        DATABASE.close();
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        return JobMarketApplication.routeProperties(SETTINGS);
    }

    /** Camel main has loaded the settings and the route files; the beans they name are bound as the product binds them. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        new MetricsConfiguration().configure(camel); // found by the package scan when the product starts
        ApplicationBeans.bind(camel, SETTINGS, DATABASE);
        return camel;
    }

    @Test
    @Order(1)
    void aGeocoderOutageOpensTheBreakerAndTheRunStillSucceeds() throws Exception {
        AdviceWith.adviceWith(context, "geocode-batch",
                route -> route.weaveById("geocode-batch-http").replace().to("mock:geocoder-batch"));
        AdviceWith.adviceWith(context, "geocoder-request",
                route -> route.weaveById("geocoder-http").replace().to("mock:geocoder"));
        MockEndpoint batch = getMockEndpoint("mock:geocoder-batch");
        MockEndpoint geocoder = getMockEndpoint("mock:geocoder");
        for (MockEndpoint unreachable : List.of(batch, geocoder)) {
            unreachable.whenAnyExchangeReceived(exchange -> {
                throw new IOException("geocoder unreachable");
            });
        }
        context.start();

        JsonNode counts = harvest("2025-07-20", "SUCCEEDED").counts().path("process");

        // the batch request failed once, and the points fell back to single requests
        assertThat(batch.getReceivedCounter()).isEqualTo(1);
        assertThat(counts.path("geocoding_batch_failures").asLong()).isEqualTo(1);
        assertThat(counts.path("geocoding_batch_points").asLong()).isZero();
        long points = counts.path("geocoding_failures").asLong();
        assertThat(points).as("every point failed, and was counted").isPositive();
        assertThat(counts.path("geocoding_requests").asLong()).isEqualTo(points);
        // the offers at these points are kept, placed by their coordinates' department (cas_2 without a commune)
        assertThat(counts.path("lieu_cas").path("cas_2").asLong()).isEqualTo(points);
        // the breaker opened after its minimum of 10 calls: the later points never reached the geocoder
        int attemptsPerCall = 1 + SETTINGS.integer("jobmarket.geocoder.retries");
        assertThat(geocoder.getReceivedCounter()).isEqualTo(10 * attemptsPerCall);
        assertThat(counts.path("geocoding_single_requests").asLong()).isEqualTo(10);
    }

    @Test
    @Order(2)
    void aStormOf429IsWaitedOutAndNoOfferIsLost() throws Exception {
        // every page is refused once with a 429 and Retry-After before it is served
        Set<String> refused = ConcurrentHashMap.newKeySet();
        answerFranceTravailSearches(exchange -> {
            if (refused.add(exchange.getMessage().getHeader(Exchange.HTTP_QUERY, String.class))) {
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 429);
                exchange.getMessage().setHeader("Retry-After", "1");
                exchange.getMessage().setBody("{\"message\": \"Too many requests\"}");
            }
        });
        context.start();

        JsonNode counts = harvest("2025-07-21", "SUCCEEDED").counts().path("harvest");

        assertThat(counts.path("retries").asLong()).isEqualTo(refused.size()).isEqualTo(counts.path("requests").asLong() / 2);
        assertThat(counts.path("collected").asLong()).isEqualTo(counts.path("announced").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void aPageFailingAfterItsRetriesFailsTheRunAndChangesNothing() throws Exception {
        long offersBefore = warehouseOffers();
        answerFranceTravailSearches(exchange -> {
            if (exchange.getMessage().getHeader(Exchange.HTTP_QUERY, "", String.class).contains("appellation=38971")) {
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
                exchange.getMessage().setBody("{\"message\": \"Service indisponible\"}");
            }
        });
        context.start();

        RunRecords.Run run = harvest("2025-07-22", "FAILED");

        assertThat(run.error()).contains("38971", "503");
        assertThat(getMockEndpoint("mock:france-travail-search").getReceivedCounter()).isPositive();
        assertThat(warehouseOffers()).isEqualTo(offersBefore);
    }

    @Test
    @Order(4)
    void aWarehouseFailureFailsTheRunAndLeavesTheWarehouseAndTheHistoryAsTheyWere() throws Exception {
        long offersBefore = warehouseOffers();
        List<String> historyBefore = historyFiles();
        AdviceWith.adviceWith(context, "warehouse-stage-criteria", route -> route.weaveById("warehouse-copy-criteria")
                .replace().throwException(new IllegalStateException("disk full")));
        context.start();

        RunRecords.Run run = harvest("2025-07-23", "FAILED");

        assertThat(run.error()).contains("disk full");
        assertThat(warehouseOffers()).isEqualTo(offersBefore);
        assertThat(historyFiles()).isEqualTo(historyBefore);
    }

    /** The France Travail stand-in answers through {@code answer} first; a request it leaves unanswered goes on. */
    private void answerFranceTravailSearches(Processor answer) throws Exception {
        AdviceWith.adviceWith(context, "sandbox-offers-search", route -> route.weaveAddFirst()
                .to("mock:france-travail-search").filter(header(Exchange.HTTP_RESPONSE_CODE).isNotNull()).stop());
        getMockEndpoint("mock:france-travail-search").whenAnyExchangeReceived(answer);
    }

    private static long warehouseOffers() throws Exception {
        try (Connection connection = DATABASE.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM offreemploi")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> historyFiles() throws IOException {
        try (Stream<Path> files = Files.list(SETTINGS.dataDir().resolve("history"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** Triggers a harvest as the cron does and waits for the harvest route to finish it. */
    private RunRecords.Run harvest(String extractionDate, String expected) {
        // the run's own exchange, created with the run as its body (the copies its splits make are not)
        Set<String> runExchange = ConcurrentHashMap.newKeySet();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("harvest").filter(exchange -> {
            if (exchange.getMessage().getBody() instanceof HarvestRun) {
                runExchange.add(exchange.getExchangeId());
            }
            return runExchange.contains(exchange.getExchangeId());
        }).whenDone(1).create();
        template.sendBodyAndHeaders("direct:harvest-trigger", null, Map.of("trigger", "schedule", "extractionDate", extractionDate));
        assertThat(done.matches(2, TimeUnit.MINUTES)).as("the harvest ended").isTrue();
        RunRecords.Run run = RunRecords.lastFinished(DATABASE.dataSource());
        assertThat(run.extractionDate()).hasToString(extractionDate);
        assertThat(run.status()).as(run.error()).isEqualTo(expected);
        return run;
    }
}
