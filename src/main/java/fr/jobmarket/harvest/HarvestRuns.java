package fr.jobmarket.harvest;

import fr.jobmarket.config.Settings;
import fr.jobmarket.config.SqlFiles;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The {@code harvest_run} records: one row per harvest with its trigger, status, counts per stage and
 * error. A unique index allows one RUNNING row at a time, which is how "never two runs at once" holds
 * even with several instances on one database; a run's lease (its instance renews heartbeat_at) lets another
 * instance fail a run whose instance is gone. The statements ({@code sql/harvest/}) run in the routes'
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
     * The instance that runs a harvest, as its run record names it: host name and data directory, so a restarted
     * process recognises the runs it left (several instances on one host have their own data directories).
     */
    public static String instanceName(Settings settings) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + settings.dataDir();
    }

    /** jobmarket.harvest.lease-seconds (from 4: a quarter of it is the heartbeat, at least a second). */
    public static int leaseSeconds(Settings settings) {
        return settings.integer("jobmarket.harvest.lease-seconds");
    }

    /** The lease of a running run is renewed every quarter of jobmarket.harvest.lease-seconds. */
    public static long heartbeatMillis(Settings settings) {
        return leaseSeconds(settings) * 1000L / 4;
    }

    /**
     * A run left RUNNING by a process that died cannot finish any more: at start-up it is marked FAILED when it was
     * this instance's (with the embedded database every run is) or when its lease ran out; another instance's live
     * run is left alone. This one statement runs in Java, before the Camel context starts: a route would run it
     * concurrently with the routes that trigger runs (REST, cron, start-up timer), and a trigger that came first
     * would be refused by the stale row.
     *
     * @param everyRunIsOurs true with the embedded database, which no other instance uses
     */
    public static int failInterruptedRuns(DataSource dataSource, boolean everyRunIsOurs, String instance, int leaseSeconds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SqlFiles.load("harvest/fail-interrupted-runs.sql"))) {
            update.setBoolean(1, everyRunIsOurs);
            update.setString(2, instance);
            update.setInt(3, leaseSeconds);
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close interrupted harvest runs: " + e.getMessage(), e);
        }
    }
}
