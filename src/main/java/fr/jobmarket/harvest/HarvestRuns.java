package fr.jobmarket.harvest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.config.SqlFiles;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code harvest_run} records: one row per harvest with its trigger, status, counts per stage and
 * error. A unique index allows one RUNNING row at a time, which is how "never two runs at once" holds
 * even with several instances on one database.
 */
public final class HarvestRuns {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** PostgreSQL's unique_violation: the one-running-run index refused a second run. */
    private static final String UNIQUE_VIOLATION = "23505";

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public record Run(long id, String trigger, Status status, LocalDate extractionDate, OffsetDateTime startedAt,
                      OffsetDateTime finishedAt, JsonNode counts, String error) {
    }

    /** A trigger arrived while a run was in progress. */
    public static final class AlreadyRunning extends RuntimeException {
        public AlreadyRunning() {
            super("A harvest is already running: this trigger is skipped.");
        }
    }

    private final DataSource dataSource;

    public HarvestRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a new RUNNING run, or throws {@link AlreadyRunning}. */
    public long begin(String trigger, LocalDate extractionDate) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(SqlFiles.load("harvest/insert-run.sql"))) {
            insert.setString(1, trigger);
            insert.setObject(2, extractionDate);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new AlreadyRunning();
            }
            throw new IllegalStateException("Cannot record the harvest run: " + e.getMessage(), e);
        }
    }

    /** Adds or replaces the counts of one stage, e.g. {@code {"harvest": {"offers": 1200}}}. */
    public void recordCounts(long id, Map<String, ?> counts) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SqlFiles.load("harvest/merge-run-counts.sql"))) {
            update.setString(1, JSON.writeValueAsString(counts));
            update.setLong(2, id);
            update.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the counts of harvest run " + id + ": " + e.getMessage(), e);
        }
    }

    public void succeed(long id) {
        finish(id, Status.SUCCEEDED, null);
    }

    public void fail(long id, String error) {
        finish(id, Status.FAILED, error);
    }

    private void finish(long id, Status status, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SqlFiles.load("harvest/finish-run.sql"))) {
            update.setString(1, status.name());
            update.setString(2, error);
            update.setLong(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close harvest run " + id + ": " + e.getMessage(), e);
        }
    }

    /** A run left RUNNING by a process that died cannot finish any more: it is marked FAILED at start-up. */
    public int failInterruptedRuns() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(SqlFiles.load("harvest/fail-interrupted-runs.sql"))) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close interrupted harvest runs: " + e.getMessage(), e);
        }
    }

    /** Newest first. */
    public List<Run> list(int limit) {
        return query("harvest/select-runs.sql", limit);
    }

    public Optional<Run> find(long id) {
        return query("harvest/select-run.sql", id).stream().findFirst();
    }

    public Optional<Run> lastFinished() {
        return query("harvest/select-last-finished-run.sql").stream().findFirst();
    }

    public Optional<Run> lastSuccessful() {
        return query("harvest/select-last-successful-run.sql").stream().findFirst();
    }

    private List<Run> query(String file, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(SqlFiles.load(file))) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Run> runs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(new Run(rows.getLong("id"), rows.getString("trigger"),
                            Status.valueOf(rows.getString("status")), rows.getObject("extraction_date", LocalDate.class),
                            rows.getObject("started_at", OffsetDateTime.class),
                            rows.getObject("finished_at", OffsetDateTime.class),
                            JSON.readTree(rows.getString("counts")), rows.getString("error")));
                }
            }
            return runs;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot read harvest runs: " + e.getMessage(), e);
        }
    }
}
