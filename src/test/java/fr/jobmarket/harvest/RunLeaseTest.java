package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.config.EmbeddedPostgres;
import fr.jobmarket.support.RunRecords;
import fr.jobmarket.support.ServiceProcess;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: A in a child JVM, B in this one, each with its own data directory. B's trigger is
 * refused while A's run holds a live lease; once A is killed and its lease has run out, B's trigger marks A's run
 * FAILED (instance lost) and B's own harvest runs.
 */
class RunLeaseTest {

    private static final String TOKEN = "lease-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEASE_SECONDS = "10";

    @Test
    void aRunWhoseInstanceDiedStopsBlockingTheOtherInstancesOnceItsLeaseRunsOut() throws Exception {
        TestDatabase.truncateAll();
        EmbeddedPostgres database = TestDatabase.shared().embedded();
        Map<String, String> shared = Map.of("jobmarket.db.url", database.jdbcUrl(), "jobmarket.db.user", EmbeddedPostgres.SERVICE_ROLE,
                "jobmarket.db.password", database.password(),
                "jobmarket.admin.token", TOKEN, "jobmarket.harvest.lease-seconds", LEASE_SECONDS,
                "jobmarket.sandbox.rate-limit", "1000");
        long runOfA;
        try (ServiceProcess a = ServiceProcess.start(TestDatabase.newDirectory(), with(shared,
                // a slow harvest: A is still running it when B is asked
                "jobmarket.sandbox.offers", "5000", "jobmarket.rate-limit", "1"))) {
            HttpResponse<String> accepted = a.send(HttpRequest.newBuilder(URI.create(a.url("/admin/harvest?extraction_date=2025-07-20")))
                    .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            runOfA = JSON.readTree(accepted.body()).path("id").asLong();

            try (TestApplication b = TestApplication.start(with(shared, "jobmarket.sandbox.offers", "600",
                    "jobmarket.rate-limit", "200"))) {
                assertThat(RunRecords.find(b.application().database().dataSource(), runOfA).status())
                        .as("B's start leaves A's live run alone").isEqualTo("RUNNING");
                // A renews its lease every quarter of it: well past one lease, B is still refused
                Thread.sleep(Long.parseLong(LEASE_SECONDS) * 1500);
                HttpResponse<String> refused = trigger(b);
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
                assertThat(RunRecords.find(b.application().database().dataSource(), runOfA).status()).isEqualTo("RUNNING");

                a.kill(); // SIGKILL: A's run stays RUNNING, its heartbeat stops

                Map<String, HttpResponse<String>> last = new HashMap<>();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    last.put("trigger", trigger(b));
                    return last.get("trigger").statusCode() != 409;
                });
                assertThat(last.get("trigger").statusCode()).as(last.get("trigger").body()).isEqualTo(202);
                RunRecords.Run lost = RunRecords.find(b.application().database().dataSource(), runOfA);
                assertThat(lost.status()).isEqualTo("FAILED");
                assertThat(lost.error()).startsWith("instance lost: ").contains("sent no heartbeat since");
                long runOfB = JSON.readTree(last.get("trigger").body()).path("id").asLong();
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(
                        () -> !"RUNNING".equals(RunRecords.find(b.application().database().dataSource(), runOfB).status()));
                RunRecords.Run ofB = RunRecords.find(b.application().database().dataSource(), runOfB);
                assertThat(ofB.status()).as(String.valueOf(ofB.error())).isEqualTo("SUCCEEDED");
            }
        }
    }

    private static HttpResponse<String> trigger(TestApplication app) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/harvest?extraction_date=2025-07-20")))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN);
    }

    private static Map<String, String> with(Map<String, String> settings, String... keysAndValues) {
        Map<String, String> all = new HashMap<>(settings);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            all.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return all;
    }
}
