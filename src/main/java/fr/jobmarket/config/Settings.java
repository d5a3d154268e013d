package fr.jobmarket.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The product's typed settings: every {@code jobmarket.*} key of {@code application.properties}, each
 * overridden by a system property of the same name or by an environment variable named after it
 * ({@link #environmentVariable(String)}). A bad value fails with a message naming the key and its
 * environment variable, never with a stack trace.
 */
public final class Settings {

    public static final String PREFIX = "jobmarket.";

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /** Settings of this process: application.properties, then environment, then system properties. */
    public static Settings load() {
        return load(System.getenv(), System.getProperties(), Map.of());
    }

    /**
     * @param environment environment variables (JOBMARKET_* override the file)
     * @param systemProperties -D properties (override the environment)
     * @param overrides last word, used by tests and tools
     */
    public static Settings load(Map<String, String> environment, Properties systemProperties,
            Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        defaults().forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(PREFIX)) {
                values.put(name, value.toString().trim());
            }
        });
        for (String key : values.keySet()) {
            String fromEnv = environment.get(environmentVariable(key));
            if (fromEnv != null) {
                values.put(key, fromEnv.trim());
            }
            String fromSystem = systemProperties.getProperty(key);
            if (fromSystem != null) {
                values.put(key, fromSystem.trim());
            }
        }
        overrides.forEach((key, value) -> values.put(key, value == null ? "" : value.trim()));
        return new Settings(values);
    }

    /** {@code jobmarket.db.embedded-port} is read from {@code JOBMARKET_DB_EMBEDDED_PORT}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Properties defaults() {
        Properties properties = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Every jobmarket.* value, for Camel's property placeholders: routes see exactly what the beans see. */
    public Properties asProperties() {
        Properties properties = new Properties();
        properties.putAll(values);
        return properties;
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Unknown setting " + key + ": add it to application.properties");
        }
        return value;
    }

    public boolean isSet(String key) {
        return !text(key).isEmpty();
    }

    public int integer(String key, int min, int max) {
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw invalid(key, value, "a whole number from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(key, value, "a whole number from " + min + " to " + max);
        }
    }

    public boolean bool(String key) {
        String value = text(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0", "" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    public StartupException invalid(String key, String value, String expected) {
        return new StartupException("Setting " + key + " (" + environmentVariable(key) + ") is '" + value
                + "': expected " + expected + ".");
    }

    // --- the settings every part of the product reads ---

    public Path dataDir() {
        return Path.of(text("jobmarket.data.dir")).toAbsolutePath().normalize();
    }

    public int httpPort() {
        return integer("jobmarket.http.port", 1, 65535);
    }

    public ZoneId harvestTimeZone() {
        String zone = text("jobmarket.harvest.time-zone");
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw invalid("jobmarket.harvest.time-zone", zone, "a time zone such as Europe/Paris");
        }
    }

    /** Live mode needs both halves of the France Travail credentials; without them the sandbox runs. */
    public boolean liveMode() {
        return isSet("jobmarket.ft.client.id") && isSet("jobmarket.ft.client.secret");
    }

    @Override
    public String toString() {
        // Never print secrets: the description lists keys only.
        return "Settings" + values.keySet();
    }
}
