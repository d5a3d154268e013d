package fr.jobmarket.api;

import org.apache.camel.Exchange;

import java.sql.Array;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code sql:} endpoint left in the body, with dates as YYYY-MM-DD text, instants as ISO-8601 UTC text
 * and arrays as lists; and the named parameters of the next statement.
 */
final class SqlRows {

    private SqlRows() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> of(Exchange exchange) {
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        if (rows == null) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column, value(value)));
            result.add(copy);
        }
        return result;
    }

    /**
     * A named parameter of the next statement, as a header. The body is emptied: camel-sql reads a named
     * parameter from a Map body before the headers, so only the values set here may reach the statement.
     */
    static void parameter(Exchange exchange, String name, Object value) {
        exchange.getMessage().setHeader(name, value);
        exchange.getMessage().setBody(null);
    }

    private static Object value(Object value) {
        if (value instanceof java.sql.Timestamp instant) {
            return instant.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Array array) {
            try {
                return Arrays.asList((Object[]) array.getArray());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read an SQL array: " + e.getMessage(), e);
            }
        }
        return value;
    }
}
