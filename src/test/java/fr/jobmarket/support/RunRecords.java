package fr.jobmarket.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/** The harvest_run rows as tests read them (the product reads them through its sql: endpoints). */
public final class RunRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Run(long id, String trigger, String status, LocalDate extractionDate, JsonNode counts, String error) {
    }

    private RunRecords() {
    }

    public static Run find(DataSource dataSource, long id) {
        return read(dataSource, "SELECT * FROM harvest_run WHERE id = " + id);
    }

    /** The run that finished last. */
    public static Run lastFinished(DataSource dataSource) {
        return read(dataSource, "SELECT * FROM harvest_run WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1");
    }

    private static Run read(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return null;
            }
            return new Run(rows.getLong("id"), rows.getString("trigger"), rows.getString("status"),
                    rows.getObject("extraction_date", LocalDate.class), JSON.readTree(rows.getString("counts")),
                    rows.getString("error"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A RUNNING row, as another process's run would be; returns its id. */
    public static long insertRunning(DataSource dataSource, LocalDate extractionDate) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO harvest_run (trigger, status, extraction_date) VALUES ('test', 'RUNNING', ?) RETURNING id")) {
            insert.setObject(1, extractionDate);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes a row made by {@link #insertRunning}. */
    public static void fail(DataSource dataSource, long id, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE harvest_run SET status = 'FAILED', finished_at = now(), error = ? WHERE id = ?")) {
            update.setString(1, error);
            update.setLong(2, id);
            update.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
