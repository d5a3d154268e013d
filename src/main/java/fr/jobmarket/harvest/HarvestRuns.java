package fr.jobmarket.harvest;

import fr.jobmarket.config.SqlFiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The {@code harvest_run} records: one row per harvest with its trigger, status, counts per stage and
 * error. A unique index allows one RUNNING row at a time, which is how "never two runs at once" holds
 * even with several instances on one database. The statements ({@code sql/harvest/}) run in the routes'
 * {@code sql:} endpoints; only the start-up cleanup runs here (see {@link #failInterruptedRuns}).
 */
public final class HarvestRuns {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** A trigger arrived while a run was in progress. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("A harvest is already running: this trigger is skipped.");
        }
    }

    private HarvestRuns() {
    }

    /** Step of the harvest-trigger route: the run's insert hit the one-running index. */
    public static void alreadyRunning() {
        throw new AlreadyRunning();
    }

    /**
     * A run left RUNNING by a process that died cannot finish any more: it is marked FAILED at start-up. This one
     * statement runs in Java, before the Camel context starts: a route would run it concurrently with the routes
     * that trigger runs (REST, cron, start-up timer), and a trigger that came first would be refused by the stale row.
     */
    public static int failInterruptedRuns(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SqlFiles.load("harvest/fail-interrupted-runs.sql"))) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close interrupted harvest runs: " + e.getMessage(), e);
        }
    }
}
