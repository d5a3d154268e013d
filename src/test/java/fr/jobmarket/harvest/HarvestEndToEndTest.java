package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.support.RunRecords;
import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.management.MBeanServer;
import javax.sql.DataSource;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin path end to end, as a user drives it: POST /admin/harvest against the built-in sandbox, then the
 * raw pages, the JSON history, the warehouse, the API and the run record, over real HTTP on loopback.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestEndToEndTest {

    private static final String TOKEN = "end-to-end-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(Map.of(
                "jobmarket.admin.token", TOKEN,
                "jobmarket.sandbox.offers", "600",
                "jobmarket.sandbox.rate-limit", "1000",
                "jobmarket.rate-limit", "200",
                // the evening schedule, pushed to a year no test reaches: its time zone is checked, it never fires
                "jobmarket.harvest.cron", "0 30 21 * * ? 2099"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void startingAHarvestNeedsTheAdminToken() {
        assertThat(post("/admin/harvest").statusCode()).isEqualTo(401);
        assertThat(post("/admin/harvest", "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
        assertThat(post("/admin/harvest?extraction_date=2025-13-45", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void aSandboxHarvestFillsTheHistoryTheWarehouseAndTheApi() throws Exception {
        JsonNode run = harvest("2025-07-20");

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode counts = run.path("counts");
        assertThat(counts.path("harvest").path("appellations").asInt()).isEqualTo(61);
        long collected = counts.path("harvest").path("collected").asLong();
        assertThat(collected).isEqualTo(counts.path("harvest").path("announced").asLong()).isGreaterThan(600);
        long kept = counts.path("process").path("kept").asLong();
        assertThat(counts.path("process").path("duplicates").asLong()).isPositive();
        assertThat(counts.path("process").path("dropped").path("label_overseas").asLong()).isPositive();
        // the sandbox geocoder answers every synthetic point, all in one batch request (multipart CSV over HTTP):
        // the locate route finds each point in the cache and sends no single request
        assertThat(counts.path("process").path("geocoding_requests").asLong()).isPositive();
        assertThat(counts.path("process").path("geocoding_failures").asLong()).isZero();
        assertThat(counts.path("process").path("geocoding_batch_requests").asLong()).isEqualTo(1);
        assertThat(counts.path("process").path("geocoding_batch_points").asLong()).isPositive();
        assertThat(counts.path("process").path("geocoding_single_requests").asLong()).isZero();
        assertThat(counts.path("history").path("occurrence").asInt()).isEqualTo(1);
        assertThat(counts.path("history").path("total").asLong()).isEqualTo(kept);
        assertThat(counts.path("warehouse").path("offers_loaded").asLong()).isEqualTo(kept);

        // What Hawtio shows: Camel's own counts per EIP node of the routes agree with the run record
        long distinct = counts.path("process").path("read").asLong() - counts.path("process").path("duplicates").asLong()
                - counts.path("process").path("without_id").asLong();
        assertThat(processor("harvest-split-appellations", "ExchangesTotal")).isEqualTo(1L);
        assertThat(processor("harvest-to-appellation", "ExchangesTotal")).isEqualTo(61L);
        // every request of the run went through the rate-limit step and the HTTP endpoint once
        long requests = counts.path("harvest").path("requests").asLong();
        assertThat(processor("france-travail-rate-limit", "ExchangesTotal")).isEqualTo(requests);
        assertThat(processor("france-travail-http", "ExchangesTotal")).isEqualTo(requests);
        assertThat(processor("process-dedupe", "DuplicateMessageCount"))
                .isEqualTo(counts.path("process").path("duplicates").asLong());
        assertThat(processor("process-metropolitan", "ExchangesTotal")).isEqualTo(distinct);
        assertThat(processor("process-locate", "ExchangesTotal")).isEqualTo(kept);
        assertThat(processor("process-dates", "ExchangesTotal")).isEqualTo(kept);
        // the offers, and the two signals that complete the last group: at the end of the split and in the cleanup
        assertThat(processor("batch-group-offers", "ExchangesTotal")).isEqualTo(kept + 2);
        assertThat(processor("geocode-batch-http", "ExchangesTotal")).isEqualTo(1L);
        assertThat(processor("reverse-geocode-breaker", "ExchangesTotal")).isZero();
        assertThat(processor("history-to-warehouse-load", "ExchangesTotal")).isEqualTo(1L);
        // the warehouse fan-out: every chunk of the history to both staging routes
        assertThat(processor("warehouse-fan-out", "ExchangesCompleted")).isPositive()
                .isEqualTo(processor("warehouse-copy-offers", "ExchangesCompleted"))
                .isEqualTo(processor("warehouse-copy-criteria", "ExchangesCompleted"));

        Path dataDir = app.application().settings().dataDir();
        assertThat(Files.list(dataDir.resolve("raw")).count()).isEqualTo(61);
        Path history = currentHistoryFile(dataDir);
        assertThat(history.getFileName().toString()).endsWith("__extraction_occurence_1.json");
        List<JsonNode> offers = read(history);
        assertThat(offers).hasSize((int) kept);
        assertThat(offers).allSatisfy(offer -> {
            assertThat(offer.has("lieuTravail")).isFalse();
            assertThat(offer.has("contact")).isFalse();
            assertThat(offer.path("lieu_cas").asText()).matches("cas_[1-5]");
            assertThat(offer.path("dateExtraction").asText()).isEqualTo("2025-07-20");
            assertThat(offer.path("datePremiereEcriture").asText()).isEqualTo("2025-07-20");
        });

        assertThat(count("SELECT count(*) FROM offreemploi")).isEqualTo(kept);
        assertThat(count("SELECT count(*) FROM localisation WHERE code_departement IN ('2A', '2B', '971', '974')")).isZero();
        assertThat(count("SELECT count(*) FROM descriptionoffre WHERE metier_data IS NOT NULL")).isPositive();

        HttpResponse<String> total = app.get("/stats/total_offres");
        assertThat(total.body()).isEqualTo("total: " + String.format("%,d", kept).replace(',', ' ').replace('\u00a0', ' ') + " offres");
        assertThat(total.headers().firstValue("X-Data-Updated")).contains("2025-07-20");
    }

    @Test
    @Order(3)
    void aSecondHarvestAddsAnOccurrenceAndKeepsTheFirstWriteDate() throws Exception {
        JsonNode run = harvest("2025-07-21");

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("history").path("occurrence").asInt()).isEqualTo(2);
        Path dataDir = app.application().settings().dataDir();
        List<JsonNode> offers = read(currentHistoryFile(dataDir));
        assertThat(offers).allSatisfy(offer -> {
            assertThat(offer.path("dateExtraction").asText()).isEqualTo("2025-07-21");
            assertThat(offer.path("datePremiereEcriture").asText()).isEqualTo("2025-07-20");
        });
        assertThat(count("SELECT count(*) FROM offreemploi WHERE date_extraction = '2025-07-21'")).isEqualTo(offers.size());
        assertThat(Files.readAllLines(dataDir.resolve("history/_json_files_history.csv"))).hasSize(3);
        assertThat(Files.list(dataDir.resolve("history/archives")).count()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void aReplayReprocessesTheRawPagesWithoutCallingTheApi() throws Exception {
        double requestsBefore = franceTravailRequests();
        assertThat(requestsBefore).isPositive();

        HttpResponse<String> accepted = post("/admin/harvest?replay=true&extraction_date=2025-07-22",
                "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode run = awaitEnd(JSON.readTree(accepted.body()).path("id").asLong());

        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(run.path("trigger").asText()).isEqualTo("replay");
        assertThat(run.path("counts").has("harvest")).isFalse();
        assertThat(run.path("counts").path("history").path("occurrence").asInt()).isEqualTo(3);
        assertThat(franceTravailRequests()).isEqualTo(requestsBefore);
    }

    /** Sum of jobmarket_francetravail_requests_total over its status labels, from the Prometheus scrape. */
    private static double franceTravailRequests() {
        return app.get("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("jobmarket_francetravail_requests_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    @Order(5)
    void anExtractionDateBeforeTheLatestOrAnUnclearReplayIsRefused() throws Exception {
        HttpResponse<String> backwards = post("/admin/harvest?extraction_date=2025-07-01", "Authorization", "Bearer " + TOKEN);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(backwards.body()).path("detail").asText()).contains("2025-07-22");
        assertThat(post("/admin/harvest?replay=maybe", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(400);
        // a typo far in the future would block every later harvest: refused, naming the bound
        HttpResponse<String> future = post("/admin/harvest?extraction_date=9999-12-31", "Authorization", "Bearer " + TOKEN);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(future.body()).path("detail").asText()).contains("9999-12-31", "after tomorrow");
        assertThat(JSON.readTree(app.get("/admin/harvests").body()).get(0).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(5)
    void aTriggerDuringARunIsRefused() {
        DataSource dataSource = app.application().database().dataSource();
        long blocking = RunRecords.insertRunning(dataSource, java.time.LocalDate.of(2025, 7, 23));
        try {
            HttpResponse<String> refused = post("/admin/harvest", "Authorization", "Bearer " + TOKEN);
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        } finally {
            RunRecords.fail(dataSource, blocking, "test run");
        }
    }

    @Test
    @Order(6)
    void healthShowsTheLastHarvestAndStaysUp() {
        // the health check answers from the run records read every few seconds (route harvest-last-runs)
        Map<String, JsonNode> last = new HashMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.put("harvest", harvestHealth());
            return "FAILED".equals(last.get("harvest").path("data").path("last_harvest_status").asText());
        });
        JsonNode harvest = last.get("harvest");
        assertThat(harvest.path("status").asText()).isEqualTo("UP");
        assertThat(harvest.path("data").path("harvest_stale").asBoolean()).isFalse();
        assertThat(harvest.path("data").path("data_source").asText()).isEqualTo("synthetic sandbox data (not France Travail)");
    }

    /** The harvest check of /observe/health, whose status must stay UP. */
    private static JsonNode harvestHealth() throws Exception {
        JsonNode health = JSON.readTree(app.get("/observe/health?data=true").body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        for (JsonNode check : health.path("checks")) {
            if ("harvest".equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no harvest check in " + health);
    }

    @Test
    @Order(7)
    void theEveningScheduleRunsInTheParisTimeZone() throws Exception {
        var quartz = app.application().camelContext().getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class);
        var trigger = (org.quartz.CronTrigger) quartz.getScheduler().getTrigger(org.quartz.TriggerKey.triggerKey("harvest", "jobmarket"));

        assertThat(trigger.getTimeZone().getID()).isEqualTo("Europe/Paris");
        var next = trigger.getNextFireTime().toInstant().atZone(java.time.ZoneId.of("Europe/Paris"));
        assertThat(next.getHour()).isEqualTo(21);
        assertThat(next.getMinute()).isEqualTo(30);
    }

    @Test
    @Order(8)
    void runsAreListedNewestFirstAndAnUnknownRunIs404() throws Exception {
        JsonNode runs = JSON.readTree(app.get("/admin/harvests").body());
        assertThat(runs.size()).isGreaterThanOrEqualTo(4);
        assertThat(runs.get(0).path("id").asLong()).isGreaterThan(runs.get(1).path("id").asLong());
        assertThat(app.get("/admin/harvests/999999").statusCode()).isEqualTo(404);
        assertThat(app.get("/admin/harvests/abc").statusCode()).isEqualTo(400);
    }

    private static JsonNode harvest(String extractionDate) throws Exception {
        HttpResponse<String> accepted = post("/admin/harvest?extraction_date=" + extractionDate, "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.path("status").asText()).isEqualTo("RUNNING");
        assertThat(body.path("extraction_date").asText()).isEqualTo(extractionDate);
        return awaitEnd(body.path("id").asLong());
    }

    private static JsonNode awaitEnd(long id) {
        Map<String, JsonNode> last = new HashMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonNode run = JSON.readTree(app.get("/admin/harvests/" + id).body());
            last.put("run", run);
            return !"RUNNING".equals(run.path("status").asText());
        });
        return last.get("run");
    }

    private static HttpResponse<String> post(String path, String... headers) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path))).POST(HttpRequest.BodyPublishers.noBody()), headers);
    }

    private static Path currentHistoryFile(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("history"))) {
            List<Path> current = files.filter(file -> file.getFileName().toString().matches(".*__extraction_occurence_\\d+\\.json")).toList();
            assertThat(current).hasSize(1);
            return current.get(0);
        }
    }

    private static List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> offers = new java.util.ArrayList<>();
        JsonArrayFiles.forEach(file, offers::add);
        return offers;
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** An attribute of the JMX bean of the EIP node with this id (what Jolokia serves to Hawtio). */
    private static long processor(String id, String attribute) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String context = app.application().camelContext().getManagementName();
        ObjectName name = new ObjectName("org.apache.camel:context=" + context + ",type=processors,name=\"" + id + "\"");
        return ((Number) server.getAttribute(name, attribute)).longValue();
    }
}
