package fr.jobmarket;

import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApplicationStartupTest {

    private static final List<String> WAREHOUSE_TABLES = List.of("offreemploi", "contrat", "entreprise", "localisation",
            "descriptionoffre", "competence", "offre_competence", "experience", "offre_experience", "formation",
            "offre_formation", "qualiteprofessionnelle", "offre_qualiteprofessionnelle", "qualification",
            "offre_qualification", "langue", "offre_langue", "permisconduire", "offre_permisconduire");

    @Test
    void bootsMigratesAndReportsHealthUpThenDownWhenTheDatabaseStops() throws Exception {
        try (TestApplication app = TestApplication.start()) {
            HttpResponse<String> health = app.get("/observe/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"name\":\"database\"");

            try (Connection connection = app.application().database().dataSource().getConnection()) {
                assertThat(tables(connection)).containsAll(WAREHOUSE_TABLES).contains("harvest_run");
                assertThat(primaryKeyColumns(connection, "offre_competence"))
                        .containsExactlyInAnyOrder("offre_id", "competence_id", "date_extraction");
                assertThat(primaryKeyColumns(connection, "offreemploi")).containsExactly("offre_id");
                assertThat(foreignKeyCount(connection)).isGreaterThanOrEqualTo(18);
            }

            assertThat(app.application().camelContext().getRoutes()).allSatisfy(route -> {
                assertThat(route.getRouteId()).as("route id").matches("[a-z0-9-]+");
                assertThat(route.getDescription()).as("description of route " + route.getRouteId()).isNotBlank();
            });

            app.application().database().embedded().stop();

            await().atMost(30, TimeUnit.SECONDS).untilAsserted(() ->
                    assertThat(app.get("/observe/health").body()).contains("\"status\":\"DOWN\""));
        }
    }

    @Test
    void aRestartOnTheSameDataDirectoryKeepsTheData() throws Exception {
        Path dataDir = TestDatabase.newDirectory();
        Map<String, String> settings = Map.of("jobmarket.data.dir", dataDir.toString());
        try (TestApplication app = TestApplication.start(settings);
             Connection connection = app.application().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO offreemploi (offre_id, nombre_postes) VALUES ('KEEPME1', 2)");
        }
        try (TestApplication app = TestApplication.start(settings);
             Connection connection = app.application().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT nombre_postes FROM offreemploi WHERE offre_id = 'KEEPME1'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void anUnreachableDatabaseExitsNonZeroWithOneReadableLine() throws Exception {
        Process process = launch(Map.of("JOBMARKET_DB_URL", "jdbc:postgresql://127.0.0.1:9/jobmarket",
                "JOBMARKET_DATA_DIR", TestDatabase.newDirectory().toString(),
                "JOBMARKET_HTTP_PORT", Integer.toString(TestApplication.freePort())));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits within 30 s").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("Start-up failed: Cannot use the database jdbc:postgresql://127.0.0.1:9/jobmarket"
                + " (jobmarket.db.url / JOBMARKET_DB_URL)");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aMalformedSettingExitsNonZeroNamingIt() throws Exception {
        Process process = launch(Map.of("JOBMARKET_RATE_LIMIT", "fast",
                "JOBMARKET_DATA_DIR", TestDatabase.newDirectory().toString(),
                "JOBMARKET_HTTP_PORT", Integer.toString(TestApplication.freePort())));

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output).contains("Setting jobmarket.rate-limit (JOBMARKET_RATE_LIMIT) is 'fast'").doesNotContain("\tat ");
    }

    @Test
    void sigtermStopsTheRoutesThePoolAndTheEmbeddedDatabaseWithin30Seconds() throws Exception {
        int httpPort = TestApplication.freePort();
        int databasePort = TestApplication.freePort();
        Path dataDir = TestDatabase.newDirectory();
        Path log = dataDir.resolve("service.log");
        Process process = launch(Map.of("JOBMARKET_DATA_DIR", dataDir.toString(),
                "JOBMARKET_HTTP_PORT", Integer.toString(httpPort),
                "JOBMARKET_DB_EMBEDDED_PORT", Integer.toString(databasePort)), log);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            await().atMost(90, TimeUnit.SECONDS).ignoreExceptions().until(() -> http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"UP\""));

            process.destroy(); // SIGTERM

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
            String output = java.nio.file.Files.readString(log);
            assertThat(output).contains("Database pool closed").contains("Embedded PostgreSQL stopped");
            assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();
            assertThat(portAccepts(databasePort)).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean portAccepts(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Process launch(Map<String, String> environment) throws IOException {
        return launch(environment, null);
    }

    /** The application in its own JVM, as a user starts it; output to {@code log} when given. */
    private static Process launch(Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobMarketApplication.class.getName())
                .redirectErrorStream(true);
        if (log != null) {
            builder.redirectOutput(log.toFile());
        }
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static List<String> primaryKeyColumns(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getPrimaryKeys(null, "public", table)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private static int foreignKeyCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*) FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
