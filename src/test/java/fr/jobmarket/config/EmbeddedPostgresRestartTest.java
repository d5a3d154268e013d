package fr.jobmarket.config;

import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A process killed with SIGKILL leaves its embedded PostgreSQL running; the next start on the same port takes over. */
class EmbeddedPostgresRestartTest {

    @Test
    void aRestartAfterAKillOnTheSamePortStopsTheOrphanedServerAndKeepsTheData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        int port = TestApplication.freePort();
        Process first = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString(), Integer.toString(port)))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the server's start-up log
            }
            assertThat(line).as("the first process started its server").isEqualTo("ready");
            first.destroyForcibly(); // SIGKILL: no shutdown hook stops the server
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        EmbeddedPostgres restarted = EmbeddedPostgres.start(data, port, "");
        try (Connection connection = DriverManager.getConnection(restarted.jdbcUrl(), EmbeddedPostgres.SERVICE_ROLE,
                restarted.password());
             ResultSet rows = connection.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(restarted.port()).isEqualTo(port);
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the kill");
        } finally {
            restarted.stop();
        }
    }

    /** The process that gets killed: starts the server, writes a row, says "ready" and waits. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgres server = EmbeddedPostgres.start(Path.of(args[0]), Integer.parseInt(args[1]), "");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgres.SERVICE_ROLE,
                    server.password())) {
                connection.createStatement().execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('written before the kill')");
            }
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }
}
