package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.ServiceProcess;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM during a sandbox harvest, the service in a child JVM: the run is cancelled at once and recorded FAILED as
 * interrupted, the process exits well within Camel's shutdown timeout, and after a restart the history and the
 * warehouse are those of the run before.
 */
class StopDuringHarvestTest {

    private static final String TOKEN = "stop-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far below the 20 s shutdown timeout the service had to wait out, with room for a loaded 2-CPU machine. */
    private static final Duration EXIT_BOUND = Duration.ofSeconds(10);

    @Test
    void aStopDuringAHarvestCancelsItRecordsItInterruptedAndChangesNothing() throws Exception {
        Path dataDir = TestDatabase.newDirectory();
        Map<String, String> settings = Map.of("jobmarket.admin.token", TOKEN, "jobmarket.sandbox.offers", "600",
                "jobmarket.sandbox.rate-limit", "1000");
        List<String> historyBefore;
        long offersBefore;
        List<String> rawBefore;
        try (TestApplication app = TestApplication.start(with(settings, "jobmarket.data.dir", dataDir.toString(),
                "jobmarket.rate-limit", "200"))) {
            assertThat(await(app, post(app.url("/admin/harvest?extraction_date=2025-07-20"), app)).path("status").asText())
                    .isEqualTo("SUCCEEDED");
            historyBefore = historyFiles(dataDir);
            offersBefore = offers(app);
            rawBefore = files(dataDir.resolve("raw"));
        }

        long runId;
        Duration exit;
        List<String> log;
        // 5,000 offers at 5 requests per second: the harvest is still paging when the stop comes
        try (ServiceProcess service = ServiceProcess.start(dataDir, with(settings, "jobmarket.rate-limit", "5",
                "jobmarket.sandbox.offers", "5000"))) {
            HttpResponse<String> accepted = service.send(HttpRequest.newBuilder(URI.create(service.url(
                    "/admin/harvest?extraction_date=2025-07-21"))).POST(HttpRequest.BodyPublishers.noBody()),
                    "Authorization", "Bearer " + TOKEN);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            runId = JSON.readTree(accepted.body()).path("id").asLong();
            service.awaitLine("Harvest started", Duration.ofSeconds(30));
            Thread.sleep(2_000);

            exit = service.terminate(Duration.ofSeconds(60));
            log = service.lines();
        }
        System.out.println("Exit after SIGTERM during a harvest: " + exit.toMillis() + " ms");

        assertThat(exit).as("exit after SIGTERM, log:\n" + String.join("\n", log)).isLessThan(EXIT_BOUND);
        String run = "[run " + runId + "]";
        assertThat(log).anySatisfy(line -> assertThat(line).contains("ERROR", run, "Harvest FAILED", "interrupted: the service was stopped"));
        assertThat(log).noneMatch(line -> line.contains("HTTP 503"));
        // every line of the run's own threads says which run it is about
        assertThat(log.stream().filter(line -> line.contains(" - seda://harvest-queue]") || line.contains(" - harvest]")
                || line.contains(" - warehouse-staging]") || line.contains(" - batch-writer]")).toList())
                .hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line).contains(run));

        try (TestApplication app = TestApplication.start(with(settings, "jobmarket.data.dir", dataDir.toString()))) {
            JsonNode record = JSON.readTree(app.get("/admin/harvests/" + runId).body());
            assertThat(record.path("status").asText()).isEqualTo("FAILED");
            assertThat(record.path("error").asText()).isEqualTo("interrupted: the service was stopped");
            assertThat(historyFiles(dataDir)).isEqualTo(historyBefore);
            assertThat(offers(app)).isEqualTo(offersBefore);
            // the raw pages of the last harvest (what a replay reads) are untouched; raw.partial/ is this run's scratch
            // directory, emptied by the next harvest
            assertThat(files(dataDir.resolve("raw"))).isEqualTo(rawBefore);
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String... keysAndValues) {
        Map<String, String> all = new HashMap<>(settings);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            all.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return all;
    }

    private static long post(String url, TestApplication app) throws Exception {
        HttpResponse<String> accepted = app.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()),
                "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).path("id").asLong();
    }

    private static JsonNode await(TestApplication app, long id) {
        Map<String, JsonNode> last = new HashMap<>();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last.put("run", JSON.readTree(app.get("/admin/harvests/" + id).body()));
            return !"RUNNING".equals(last.get("run").path("status").asText());
        });
        return last.get("run");
    }

    /** Every file of the history directory and of archives/, with its size. */
    private static List<String> historyFiles(Path dataDir) throws Exception {
        return files(dataDir.resolve("history")).stream().filter(file -> !file.startsWith(".merge.lock")).toList();
    }

    /** Every file under {@code directory}, with its size. */
    private static List<String> files(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(file -> directory.relativize(file) + " " + size(file)).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long offers(TestApplication app) throws Exception {
        try (Connection connection = app.application().database().dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM offreemploi")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
