package fr.jobmarket;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import fr.jobmarket.metrics.MetricsConfiguration;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole sandbox harvest under the Camel test kit: the product's routes and beans started by Camel main,
 * remote endpoints replaced with AdviceWith, NotifyBuilder waiting for the run to end.
 */
class WholeHarvestRouteTest extends CamelMainTestSupport {

    private static final Settings SETTINGS = TestDatabase.settings(Map.of(
            "jobmarket.http.port", Integer.toString(TestApplication.freePort()),
            "jobmarket.sandbox.offers", "600",
            "jobmarket.sandbox.rate-limit", "1000",
            "jobmarket.rate-limit", "200"));
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

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        // the beans the route files name, bound as the product binds them
        configuration.addConfiguration(new CamelConfiguration() {
            @Override
            public void configure(CamelContext camelContext) throws Exception {
                new MetricsConfiguration().configure(camelContext); // binds the business metrics first
                ApplicationBeans.bind(camelContext, SETTINGS, DATABASE);
            }
        });
    }

    @Test
    void aGeocoderOutageOpensTheBreakerAndTheRunStillSucceeds() throws Exception {
        AdviceWith.adviceWith(context, "geocoder-request",
                route -> route.weaveById("geocoder-http").replace().to("mock:geocoder"));
        MockEndpoint geocoder = getMockEndpoint("mock:geocoder");
        geocoder.whenAnyExchangeReceived(exchange -> {
            throw new IOException("geocoder unreachable");
        });
        context.start();

        JsonNode counts = harvest().counts().path("process");

        long points = counts.path("geocoding_failures").asLong();
        assertThat(points).as("every point failed, and was counted").isPositive();
        assertThat(counts.path("geocoding_requests").asLong()).isEqualTo(points);
        // the offers at these points are kept, placed by their coordinates' department (cas_2 without a commune)
        assertThat(counts.path("lieu_cas").path("cas_2").asLong()).isEqualTo(points);
        // the breaker opened after its minimum of 10 calls: the later points never reached the geocoder
        int attemptsPerCall = 1 + SETTINGS.integer("jobmarket.geocoder.retries", 0, 10);
        assertThat(geocoder.getReceivedCounter()).isEqualTo(10 * attemptsPerCall);
    }

    /** Triggers a harvest as the cron does and waits for the harvest route to finish it. */
    private HarvestRuns.Run harvest() {
        // the run's own exchange, created with the run as its body (the copies its splits make are not)
        Set<String> runExchange = ConcurrentHashMap.newKeySet();
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("harvest").filter(exchange -> {
            if (exchange.getMessage().getBody() instanceof HarvestRun) {
                runExchange.add(exchange.getExchangeId());
            }
            return runExchange.contains(exchange.getExchangeId());
        }).whenDone(1).create();
        template.sendBodyAndHeaders("direct:harvest-trigger", null, Map.of("trigger", "schedule", "extractionDate", "2025-07-20"));
        assertThat(done.matches(2, TimeUnit.MINUTES)).as("the harvest ended").isTrue();
        HarvestRuns.Run run = ((HarvestRuns) context.getRegistry().lookupByName("harvestRuns")).lastFinished().orElseThrow();
        assertThat(run.status()).as(run.error()).isEqualTo(HarvestRuns.Status.SUCCEEDED);
        return run;
    }
}
