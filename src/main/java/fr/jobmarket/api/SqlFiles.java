package fr.jobmarket.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The API's statements, one per file under {@code classpath:sql/api/}, read once. */
public final class SqlFiles {

    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    public static String get(String name) {
        return STATEMENTS.computeIfAbsent(name, SqlFiles::read);
    }

    private static String read(String name) {
        String resource = "/sql/api/" + name + ".sql";
        try (InputStream in = SqlFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file " + resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
