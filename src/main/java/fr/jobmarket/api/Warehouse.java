package fr.jobmarket.api;

import fr.jobmarket.config.SqlFiles;
import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the API's SQL files with bound parameters; rows come back as column-name maps (dates as YYYY-MM-DD text). */
public final class Warehouse {

    private final DataSource dataSource;

    public Warehouse(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A query starting with the six filter parameters. */
    public List<Map<String, Object>> filtered(String sqlFile, Filters filters) {
        return run(sqlFile, (connection, statement) -> filters.bind(connection, statement, 1));
    }

    public List<Map<String, Object>> query(String sqlFile, Object... parameters) {
        return run(sqlFile, (connection, statement) -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return parameters.length + 1;
        });
    }

    /** A statement that changes rows (one statement, so one transaction); returns the rows it reports. */
    public List<Map<String, Object>> change(String sqlFile, Object... parameters) {
        return query(sqlFile, parameters);
    }

    public int update(String sqlFile, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SqlFiles.load("api/" + sqlFile + ".sql"))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + sqlFile + " failed: " + e.getMessage(), e);
        }
    }

    private interface Binder {
        int bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private List<Map<String, Object>> run(String sqlFile, Binder binder) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SqlFiles.load("api/" + sqlFile + ".sql"))) {
            binder.bind(connection, statement);
            List<Map<String, Object>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), value(rows.getObject(c)));
                    }
                    result.add(row);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL " + sqlFile + " failed: " + e.getMessage(), e);
        }
    }

    private static Object value(Object value) throws SQLException {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Array array) {
            return Arrays.asList((Object[]) array.getArray());
        }
        return value;
    }
}
