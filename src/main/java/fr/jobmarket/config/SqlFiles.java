package fr.jobmarket.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL statements live in their own files under {@code src/main/resources/sql/}, named after what they
 * answer; this reads them once. Values are always bound as parameters, never written into the text.
 */
public final class SqlFiles {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    /** @param name path under {@code sql/}, e.g. {@code "harvest/insert-run.sql"} */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlFiles::read);
    }

    private static String read(String name) {
        String resource = "/sql/" + name;
        try (InputStream in = SqlFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL file " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
