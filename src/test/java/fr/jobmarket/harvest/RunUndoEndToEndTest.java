package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.RunRecords;
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
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DELETE /admin/harvests/{id} end to end on the sandbox: two harvests (the second after a restart with more offers,
 * so it adds some), the second undone; the history files and every warehouse table are then what they were after
 * the first, and a third harvest works.
 */
class RunUndoEndToEndTest {

    private static final String TOKEN = "undo-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("offreemploi", "contrat", "entreprise", "localisation",
            "descriptionoffre", "competence", "offre_competence", "experience", "offre_experience", "formation",
            "offre_formation", "qualiteprofessionnelle", "offre_qualiteprofessionnelle", "qualification",
            "offre_qualification", "langue", "offre_langue", "permisconduire", "offre_permisconduire");

    @Test
    void theLatestRunIsUndoneAndTheNextHarvestContinuesFromTheRunBefore() throws Exception {
        Path dataDir = TestDatabase.newDirectory();
        long first;
        Map<String, Object> afterFirst;
        try (TestApplication app = start(dataDir, 600)) {
            first = harvest(app, "2025-07-20").path("id").asLong();
            // a fake offer of the API is not in the history: the undo keeps it
            assertThat(app.send(HttpRequest.newBuilder(URI.create(app.url("/offre/ajout_offre_factice")))
                    .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            afterFirst = state(app);
        }

        try (TestApplication app = start(dataDir, 700)) {
            JsonNode second = harvest(app, "2025-07-21");
            long secondId = second.path("id").asLong();
            assertThat(count(app, "offreemploi")).isGreaterThan((Long) ((Map<?, ?>) afterFirst.get("rows")).get("offreemploi"));

            assertThat(undo(app, "999999", TOKEN).statusCode()).isEqualTo(404);
            assertThat(undo(app, "abc", TOKEN).statusCode()).isEqualTo(400);
            assertThat(undo(app, Long.toString(secondId), null).statusCode()).isEqualTo(401);
            assertThat(undo(app, Long.toString(secondId), "wrong").statusCode()).isEqualTo(403);
            HttpResponse<String> notLatest = undo(app, Long.toString(first), TOKEN);
            assertThat(notLatest.statusCode()).isEqualTo(409);
            assertThat(notLatest.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            long running = RunRecords.insertRunning(app.application().database().dataSource(), LocalDate.of(2025, 7, 22));
            try {
                assertThat(undo(app, Long.toString(secondId), TOKEN).statusCode()).as("a run in progress").isEqualTo(409);
            } finally {
                RunRecords.fail(app.application().database().dataSource(), running, "test run");
            }

            HttpResponse<String> undone = undo(app, Long.toString(secondId), TOKEN);

            assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(undone.body());
            assertThat(body.path("status").asText()).isEqualTo("UNDONE");
            assertThat(body.path("extraction_date").asText()).isEqualTo("2025-07-20");
            assertThat(state(app)).isEqualTo(afterFirst);
            JsonNode record = JSON.readTree(app.get("/admin/harvests/" + secondId).body());
            assertThat(record.path("status").asText()).isEqualTo("UNDONE");
            assertThat(record.path("counts").path("undo").path("restored_file").asText())
                    .isEqualTo(((List<?>) afterFirst.get("history")).get(0));
            // nothing more to undo: the undone run is not a success any more, and the first has no history before it
            assertThat(undo(app, Long.toString(secondId), TOKEN).statusCode()).isEqualTo(409);
            assertThat(undo(app, Long.toString(first), TOKEN).statusCode()).isEqualTo(409);

            // the date of the undone run can be used again, and the history goes on from the restored file
            JsonNode third = harvest(app, "2025-07-21");
            assertThat(third.path("counts").path("history").path("occurrence").asInt()).isEqualTo(2);
            assertThat(third.path("counts").path("history").path("total").asLong())
                    .isEqualTo(second.path("counts").path("history").path("total").asLong());
            assertThat(app.get("/stats/total_offres").headers().firstValue("X-Data-Updated")).contains("2025-07-21");
        }
    }

    private static TestApplication start(Path dataDir, int offers) {
        return TestApplication.start(Map.of("jobmarket.data.dir", dataDir.toString(), "jobmarket.admin.token", TOKEN,
                "jobmarket.sandbox.offers", Integer.toString(offers), "jobmarket.sandbox.rate-limit", "1000",
                "jobmarket.rate-limit", "200"));
    }

    /** What an undo must give back: the history directory's files, every warehouse table, the data date. */
    private static Map<String, Object> state(TestApplication app) throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        Path history = app.application().settings().dataDir().resolve("history");
        try (Stream<Path> files = Files.list(history)) {
            state.put("history", files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json")).sorted().toList());
        }
        for (String file : List.of((String) ((List<?>) state.get("history")).get(0), "offers_ids.txt", "_json_files_history.csv")) {
            state.put(file, Files.readString(history.resolve(file)).hashCode());
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count(app, table));
            contents.put(table, query(app, "SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM " + table + " t"));
        }
        state.put("rows", rows);
        state.put("contents", contents);
        state.put("updated", await().atMost(Duration.ofSeconds(10)).until(
                () -> app.get("/stats/total_offres").headers().firstValue("X-Data-Updated").orElse(""), date -> !date.isEmpty()));
        state.put("total", app.get("/stats/total_offres").body());
        return state;
    }

    private static JsonNode harvest(TestApplication app, String extractionDate) throws Exception {
        HttpResponse<String> accepted = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/harvest?extraction_date=" + extractionDate)))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        long id = JSON.readTree(accepted.body()).path("id").asLong();
        Map<String, JsonNode> last = new HashMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last.put("run", JSON.readTree(app.get("/admin/harvests/" + id).body()));
            return !"RUNNING".equals(last.get("run").path("status").asText());
        });
        assertThat(last.get("run").path("status").asText()).as(last.get("run").toString()).isEqualTo("SUCCEEDED");
        return last.get("run");
    }

    private static HttpResponse<String> undo(TestApplication app, String id, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url("/admin/harvests/" + id))).DELETE();
        return token == null ? app.send(request) : app.send(request, "Authorization", "Bearer " + token);
    }

    private static long count(TestApplication app, String table) throws Exception {
        return Long.parseLong(query(app, "SELECT count(*) FROM " + table));
    }

    private static String query(TestApplication app, String sql) throws Exception {
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
