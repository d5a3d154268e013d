package fr.jobmarket.config;

import org.apache.camel.ManagementStatisticsLevel;
import org.apache.camel.component.micrometer.prometheus.BindersHelper;
import org.apache.camel.impl.engine.DefaultClassResolver;
import org.quartz.CronExpression;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import static java.util.Map.entry;

/**
 * The product's typed settings: every key of {@code application.properties}, each overridden by a system property
 * of the same name or by an environment variable named after it ({@link #environmentVariable(String)}; for the
 * {@code camel.*} keys that is also Camel's own name). {@link #validate()} checks every value against its
 * {@link #RULES rule} before anything starts; a bad value fails with one message naming the key, its environment
 * variable, the value (unless it is a secret) and what is expected, never with a stack trace.
 */
public final class Settings {

    public static final String PREFIX = "jobmarket.";

    /** Never shown, not even in an error message. */
    private static final Set<String> SECRETS = Set.of("jobmarket.db.password", "jobmarket.db.embedded-password",
            "jobmarket.ft.client.secret", "jobmarket.admin.token");

    private static final Rule ANY_TEXT = new Rule("any text", value -> true);
    private static final Rule TRUE_OR_FALSE = oneOf("true", "false");
    private static final Rule HTTP_URL = new Rule("an http:// or https:// URL such as https://host/path", Settings::isHttpUrl);
    private static final Rule PORT = wholeNumber(1, 65535);
    /** Camel's ports follow jobmarket.http.port (see application.properties); a number also works. */
    private static final Rule CAMEL_PORT = new Rule("{{jobmarket.http.port}} or a port number from 1 to 65535",
            value -> value.equals("{{jobmarket.http.port}}") || PORT.accepts().test(value));

    /** What each key of application.properties accepts. A key without a rule stops the start-up. */
    private static final Map<String, Rule> RULES = Map.ofEntries(
            entry("jobmarket.data.dir", new Rule("a directory path", value -> !value.isEmpty() && isPath(value))),
            entry("jobmarket.http.port", PORT),
            entry("jobmarket.db.url", new Rule("empty (embedded PostgreSQL) or a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://host:5432/jobmarket", value -> value.isEmpty() || isPostgresUrl(value))),
            entry("jobmarket.db.user", ANY_TEXT),
            entry("jobmarket.db.password", ANY_TEXT),
            entry("jobmarket.db.pool-size", wholeNumber(2, 200)),
            entry("jobmarket.db.embedded-port", wholeNumber(0, 65535)),
            // any local account can try passwords against the embedded database: a short one would not hold long
            entry("jobmarket.db.embedded-password", new Rule("empty (a generated password) or at least 16 characters",
                    value -> value.isEmpty() || value.length() >= 16)),
            entry("jobmarket.ft.client.id", ANY_TEXT),
            entry("jobmarket.ft.client.secret", ANY_TEXT),
            entry("jobmarket.ft.token.url", HTTP_URL),
            entry("jobmarket.ft.api.url", HTTP_URL),
            entry("jobmarket.rate-limit", wholeNumber(1, 1000)),
            entry("jobmarket.concurrency", wholeNumber(1, 64)),
            entry("jobmarket.geocoder.url", HTTP_URL),
            entry("jobmarket.harvest.cron", new Rule("a Quartz cron expression (seconds minutes hours day-of-month month"
                    + " day-of-week), e.g. 0 30 21 * * ?", CronExpression::isValidExpression)),
            // Quartz reads the zone with java.util.TimeZone, which turns an unknown id (or +01:00) into GMT silently
            entry("jobmarket.harvest.time-zone", new Rule("a time zone id such as Europe/Paris",
                    ZoneId.getAvailableZoneIds()::contains)),
            entry("jobmarket.harvest.on-startup", TRUE_OR_FALSE),
            entry("jobmarket.harvest.lease-seconds", wholeNumber(4, 86_400)),
            // sent back in an "Authorization: Bearer" header, which carries visible ASCII only
            entry("jobmarket.admin.token", new Rule("empty (generated) or visible ASCII characters without spaces",
                    value -> value.chars().allMatch(c -> c > ' ' && c < 127))),
            entry("jobmarket.geocoder.rate-limit", wholeNumber(1, 1000)),
            entry("jobmarket.geocoder.retries", wholeNumber(0, 10)),
            entry("jobmarket.geocoder.timeout-ms", wholeNumber(100, 600_000)),
            entry("jobmarket.classification.mode", oneOf("original", "improved")),
            entry("jobmarket.appellations.file", new Rule("empty (the bundled list) or the path of a readable YAML file",
                    value -> value.isEmpty() || isReadableFile(value))),
            entry("jobmarket.ft.max-attempts", wholeNumber(1, 100)),
            entry("jobmarket.ft.backoff-ms", wholeNumber(0, 600_000)),
            entry("jobmarket.ft.max-backoff-ms", wholeNumber(0, 3_600_000)),
            entry("jobmarket.ft.timeout-ms", wholeNumber(100, 600_000)),
            entry("jobmarket.harvest.window-days", wholeNumber(1, 36_500)),
            // the synthetic data set's limit, SyntheticOffers.MAX_SIZE
            entry("jobmarket.sandbox.offers", wholeNumber(0, 1_000_000)),
            entry("jobmarket.sandbox.rate-limit", wholeNumber(1, 1000)),
            entry("jobmarket.warehouse.full-reload", TRUE_OR_FALSE),
            entry("jobmarket.jolokia.exposed", TRUE_OR_FALSE),

            // Camel's own keys: Camel would refuse a bad value too, but only after the database has started
            entry("camel.main.name", ANY_TEXT),
            entry("camel.main.routes-include-pattern", new Rule("a comma-separated list of route patterns that includes"
                    + " classpath:routes/*.camel.yaml (the product's routes)",
                    value -> Arrays.stream(value.split(",")).map(String::trim).anyMatch("classpath:routes/*.camel.yaml"::equals))),
            entry("camel.main.shutdown-timeout", wholeNumber(1, 3600)),
            entry("camel.main.jmx-management-statistics-level",
                    oneOf(Arrays.stream(ManagementStatisticsLevel.values()).map(Enum::name).toArray(String[]::new))),
            entry("camel.main.use-breadcrumb", TRUE_OR_FALSE),
            entry("camel.server.enabled", TRUE_OR_FALSE),
            entry("camel.server.host", new Rule("a host name or IP address to listen on, such as 0.0.0.0", Settings::isHost)),
            entry("camel.server.port", CAMEL_PORT),
            // the largest body the product receives is a geocoding CSV of about 50 KB
            entry("camel.server.max-body-size", wholeNumber(65_536, 1_073_741_824)),
            entry("camel.management.enabled", TRUE_OR_FALSE),
            entry("camel.management.port", CAMEL_PORT),
            entry("camel.management.health-check-enabled", TRUE_OR_FALSE),
            entry("camel.management.metrics-enabled", TRUE_OR_FALSE),
            entry("camel.management.jolokia-enabled", TRUE_OR_FALSE),
            entry("camel.rest.inline-routes", TRUE_OR_FALSE),
            entry("camel.health.enabled", TRUE_OR_FALSE),
            entry("camel.health.routes-enabled", TRUE_OR_FALSE),
            entry("camel.health.consumers-enabled", TRUE_OR_FALSE),
            entry("camel.health.exposure-level", oneOf("oneline", "default", "full")),
            entry("camel.metrics.enabled", TRUE_OR_FALSE),
            entry("camel.metrics.binders", new Rule("a comma-separated list of Micrometer binder names such as jvm-memory,"
                    + " as Camel knows them", Settings::areMeterBinders)),
            entry("camel.metrics.route-policy-level", oneOf("all", "route", "context")),
            entry("camel.metrics.enable-exchange-event-notifier", TRUE_OR_FALSE));

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /** Settings of this process: application.properties, then environment, then system properties. */
    public static Settings load() {
        return load(System.getenv(), System.getProperties(), Map.of());
    }

    /**
     * @param environment environment variables (override the file)
     * @param systemProperties -D properties (override the environment)
     * @param overrides last word, used by tests and tools
     */
    public static Settings load(Map<String, String> environment, Properties systemProperties,
            Map<String, String> overrides) {
        Map<String, String> values = new TreeMap<>();
        defaults().forEach((key, value) -> values.put(key.toString(), value.toString().trim()));
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
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /**
     * Checks every key against its rule, then that the data directory can be written; the first problem stops
     * the start-up. Nothing has started yet when this runs: no database, no route.
     */
    public void validate() {
        values.keySet().forEach(this::valid);
        Path dataDir = dataDir();
        try {
            SecretFile.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw invalid("jobmarket.data.dir", text("jobmarket.data.dir"), "a directory this user can create and write"
                    + " (" + dataDir + ": " + e.getClass().getSimpleName() + " " + e.getMessage() + ")");
        }
    }

    /** Every value, for Camel's property placeholders and its own keys: Camel sees exactly what was checked. */
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

    /** A whole-number setting, within the bounds of its rule. */
    public int integer(String key) {
        return Integer.parseInt(valid(key));
    }

    /** A true/false setting. */
    public boolean bool(String key) {
        return Boolean.parseBoolean(valid(key));
    }

    /** A setting with a few allowed words, in lower case. */
    public String choice(String key) {
        return valid(key).toLowerCase(Locale.ROOT);
    }

    /** The value of {@code key} once its rule accepts it. */
    private String valid(String key) {
        Rule rule = RULES.get(key);
        if (rule == null) {
            throw new StartupException("Setting " + key + " has no rule: add one to Settings.RULES.");
        }
        String value = text(key);
        if (!rule.accepts().test(value)) {
            throw invalid(key, value, rule.expected());
        }
        return value;
    }

    private static StartupException invalid(String key, String value, String expected) {
        String shown = SECRETS.contains(key) ? "(hidden)"
                : "'" + (key.equals("jobmarket.db.url") ? Database.withoutParameters(value) : value) + "'";
        return new StartupException("Setting " + key + " (" + environmentVariable(key) + ") is " + shown
                + ": expected " + expected + ".");
    }

    // --- the settings every part of the product reads ---

    public Path dataDir() {
        return Path.of(valid("jobmarket.data.dir")).toAbsolutePath().normalize();
    }

    public int httpPort() {
        return integer("jobmarket.http.port");
    }

    public ZoneId harvestTimeZone() {
        return ZoneId.of(valid("jobmarket.harvest.time-zone"));
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

    // --- rules ---

    /** What a key accepts: {@code accepts} tells whether a value fits, {@code expected} completes the error message. */
    record Rule(String expected, Predicate<String> accepts) {
    }

    private static Rule wholeNumber(int min, int max) {
        return new Rule("a whole number from " + min + " to " + max, value -> {
            try {
                int number = Integer.parseInt(value);
                return number >= min && number <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        });
    }

    /** One of {@code words}, ignoring case. */
    private static Rule oneOf(String... words) {
        List<String> allowed = List.of(words);
        String expected = String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
        return new Rule(expected, value -> allowed.stream().anyMatch(value::equalsIgnoreCase));
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && uri.getHost() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isPostgresUrl(String value) {
        return value.startsWith("jdbc:postgresql:") && org.postgresql.Driver.parseURL(value, null) != null;
    }

    private static boolean isHost(String value) {
        try {
            String host = value.contains(":") ? "[" + value + "]" : value;
            return !value.isEmpty() && new URI("http://" + host + "/").getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Camel ignores a binder name it does not know: a typo would only lose the metrics. */
    private static boolean areMeterBinders(String value) {
        long names = Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty()).count();
        try {
            return names > 0 && BindersHelper.discoverBinders(new DefaultClassResolver(), value).size() == names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPath(String value) {
        try {
            Path.of(value);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isReadableFile(String value) {
        return isPath(value) && Files.isRegularFile(Path.of(value)) && Files.isReadable(Path.of(value));
    }
}
