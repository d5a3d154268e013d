package fr.jobmarket.support;

import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One migrated embedded PostgreSQL shared by the database tests of a test JVM (starting one takes a
 * second or two). Tests that write call {@link #truncateAll()} first.
 */
public final class TestDatabase {

    private static Database shared;

    private TestDatabase() {
    }

    public static synchronized Database shared() {
        if (shared == null) {
            shared = Database.open(settings(Map.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-database-closer"));
        }
        return shared;
    }

    public static DataSource dataSource() {
        return shared().dataSource();
    }

    /** Settings for a test: a fresh data directory, any free port for the embedded database. */
    public static Settings settings(Map<String, String> overrides) {
        try {
            Map<String, String> values = new HashMap<>();
            values.put("jobmarket.data.dir", Files.createTempDirectory("jobmarket-test").toString());
            values.put("jobmarket.db.embedded-port", "0");
            // The evening cron must never start a harvest in the middle of a test: tests trigger harvests themselves.
            values.put("jobmarket.harvest.cron", "0 0 0 1 1 ? 2099");
            values.putAll(overrides);
            return Settings.load(Map.of(), new Properties(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties every warehouse and run table and resets the identities. */
    public static void truncateAll() {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    TRUNCATE offreemploi, contrat, entreprise, localisation, descriptionoffre,
                             competence, offre_competence, experience, offre_experience, formation, offre_formation,
                             qualiteprofessionnelle, offre_qualiteprofessionnelle, qualification, offre_qualification,
                             langue, offre_langue, permisconduire, offre_permisconduire, harvest_run,
                             classification_state
                    RESTART IDENTITY CASCADE""");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path newDirectory() {
        try {
            return Files.createTempDirectory("jobmarket-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
