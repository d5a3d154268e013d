package fr.jobmarket;

import fr.jobmarket.config.Settings;
import fr.jobmarket.config.StartupException;
import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every key of application.properties, given a malformed value, stops the start-up before anything starts with one
 * line naming the key, its environment variable, the value (unless secret) and what is expected. The walk reads the
 * file itself: a key added without a rule, or without a malformed value here, fails it.
 */
class MalformedSettingsTest {

    /** A value each key refuses. */
    private static final Map<String, String> MALFORMED = Map.ofEntries(
            entry("jobmarket.data.dir", "/dev/null/data"),
            entry("jobmarket.http.port", "eighty"),
            entry("jobmarket.db.url", "postgresql://db.example:5432/jobmarket?password=hunter2"),
            entry("jobmarket.db.pool-size", "1"),
            entry("jobmarket.db.embedded-port", "65536"),
            entry("jobmarket.db.embedded-password", "too-short-15chr"),
            entry("jobmarket.jolokia.exposed", "yes please"),
            entry("jobmarket.harvest.lease-seconds", "3"),
            entry("camel.server.max-body-size", "1 MB"),
            entry("jobmarket.ft.token.url", "entreprise.francetravail.fr/connexion"),
            entry("jobmarket.ft.api.url", "ht!tp://bad url"),
            entry("jobmarket.rate-limit", "fast"),
            entry("jobmarket.concurrency", "0"),
            entry("jobmarket.geocoder.url", "ftp://data.geopf.fr/geocodage"),
            entry("jobmarket.harvest.cron", "30 21 * * *"),
            entry("jobmarket.harvest.time-zone", "Paris"),
            entry("jobmarket.harvest.on-startup", "yes"),
            entry("jobmarket.admin.token", "mon jeton"),
            entry("jobmarket.geocoder.rate-limit", "-1"),
            entry("jobmarket.geocoder.retries", "many"),
            entry("jobmarket.geocoder.timeout-ms", "5s"),
            entry("jobmarket.classification.mode", "fancy"),
            entry("jobmarket.appellations.file", "missing.yaml"),
            entry("jobmarket.ft.max-attempts", "0"),
            entry("jobmarket.ft.backoff-ms", "half a second"),
            entry("jobmarket.ft.max-backoff-ms", "3600001"),
            entry("jobmarket.ft.timeout-ms", "30 s"),
            entry("jobmarket.harvest.window-days", "0"),
            entry("jobmarket.sandbox.offers", "1000001"),
            entry("jobmarket.sandbox.rate-limit", "0"),
            entry("jobmarket.warehouse.full-reload", "yes please"),
            entry("camel.main.routes-include-pattern", "classpath:routes/*.xml"),
            entry("camel.main.shutdown-timeout", "soon"),
            entry("camel.main.jmx-management-statistics-level", "Verbose"),
            entry("camel.main.use-breadcrumb", "maybe"),
            entry("camel.server.enabled", "on"),
            entry("camel.server.host", "not a host"),
            entry("camel.server.port", "{{jobmarket.http.prot}}"),
            entry("camel.management.enabled", "1"),
            entry("camel.management.port", "80800"),
            entry("camel.management.health-check-enabled", "enabled"),
            entry("camel.management.metrics-enabled", "no"),
            entry("camel.management.jolokia-enabled", "y"),
            entry("camel.rest.inline-routes", "none"),
            entry("camel.health.enabled", "t"),
            entry("camel.health.routes-enabled", "all"),
            entry("camel.health.consumers-enabled", "TRUE!"),
            entry("camel.health.exposure-level", "everything"),
            entry("camel.metrics.enabled", "prometheus"),
            entry("camel.metrics.binders", "jvm-info,jvm-memroy"),
            entry("camel.metrics.route-policy-level", "routes"),
            entry("camel.metrics.enable-exchange-event-notifier", "off"));

    /** Keys that accept any value, and why: each is checked where it is used, or is only a name. */
    private static final Map<String, String> FREE_TEXT = Map.of(
            "jobmarket.db.user", "any user name; the external database checks it when the pool connects",
            "jobmarket.db.password", "any password (a secret); the external database checks it when the pool connects",
            "jobmarket.ft.client.id", "France Travail's client id, any text; the token request checks it",
            "jobmarket.ft.client.secret", "the client's secret, any text; the token request checks it",
            "camel.main.name", "the name Camel gives the context in logs, JMX and Hawtio: any text");

    private static final Set<String> SECRETS = Set.of("jobmarket.db.password", "jobmarket.db.embedded-password", "jobmarket.ft.client.secret",
            "jobmarket.admin.token");

    @Test
    void everyKeyOfApplicationPropertiesHasAMalformedValueOrIsListedAsFreeText() throws IOException {
        Set<String> covered = new TreeSet<>(MALFORMED.keySet());
        covered.addAll(FREE_TEXT.keySet());

        assertThat(MALFORMED.keySet()).doesNotContainAnyElementsOf(FREE_TEXT.keySet());
        assertThat(covered).as("keys of application.properties").isEqualTo(fileKeys());
    }

    @Test
    void theDefaultsPassTheStartUpCheck() {
        assertThatCode(() -> JobMarketApplication.checkSettings(settings(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void eachKeyStopsTheStartUpOnAMalformedValueWithOneLineNamingIt() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String key : fileKeys()) {
            if (FREE_TEXT.containsKey(key)) {
                assertThatCode(() -> JobMarketApplication.checkSettings(settings(Map.of(key, "any text, even with spaces"))))
                        .as(key + " takes any text").doesNotThrowAnyException();
                continue;
            }
            String value = MALFORMED.get(key);
            StartupException error = catchThrowableOfType(StartupException.class,
                    () -> JobMarketApplication.checkSettings(settings(Map.of(key, value))));
            String message = error == null ? null : error.getMessage();
            String shown = value.replaceAll("\\?.*", ""); // a database URL is shown without its parameters
            if (message == null || !message.contains("Setting " + key + " (" + Settings.environmentVariable(key) + ") is ")
                    || !message.contains(": expected ") || message.contains("\n")
                    || message.contains(shown) == SECRETS.contains(key)) {
                failures.add(key + "='" + value + "' -> " + message);
            }
        }
        assertThat(failures).as("malformed values not refused with one line naming the key").isEmpty();
    }

    @Test
    void aDatabaseUrlIsShownWithoutItsParameters() {
        StartupException error = catchThrowableOfType(StartupException.class, () -> JobMarketApplication.checkSettings(
                settings(Map.of("jobmarket.db.url", MALFORMED.get("jobmarket.db.url")))));

        assertThat(error.getMessage()).contains("'postgresql://db.example:5432/jobmarket?...'").doesNotContain("hunter2");
    }

    @Test
    void anUnreadableAppellationListStopsTheStartUpNamingTheSetting() throws IOException {
        Path list = Files.writeString(TestDatabase.newDirectory().resolve("appellations.yaml"), "code_appellation_libelle: 12\n");

        StartupException error = catchThrowableOfType(StartupException.class, () -> JobMarketApplication.checkSettings(
                settings(Map.of("jobmarket.appellations.file", list.toString()))));

        assertThat(error.getMessage()).contains(list.toString()).contains("line 1")
                .contains("jobmarket.appellations.file / JOBMARKET_APPELLATIONS_FILE");
    }

    /**
     * The real start-up, in a JVM of its own as a user starts it: exit code 1 and one line. The time from launch to
     * exit is printed (test output), not asserted.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            JOBMARKET_CLASSIFICATION_MODE   | fancy             | jobmarket.classification.mode
            JOBMARKET_WAREHOUSE_FULL_RELOAD | yes please        | jobmarket.warehouse.full-reload
            JOBMARKET_FT_API_URL            | ht!tp://bad url   | jobmarket.ft.api.url
            JOBMARKET_APPELLATIONS_FILE     | missing.yaml      | jobmarket.appellations.file
            JOBMARKET_SANDBOX_OFFERS        | lots              | jobmarket.sandbox.offers
            JOBMARKET_FT_BACKOFF_MS         | -5                | jobmarket.ft.backoff-ms
            JOBMARKET_GEOCODER_TIMEOUT_MS   | 5s                | jobmarket.geocoder.timeout-ms
            JOBMARKET_HARVEST_WINDOW_DAYS   | 0                 | jobmarket.harvest.window-days
            CAMEL_MAIN_SHUTDOWN_TIMEOUT     | soon              | camel.main.shutdown-timeout
            JOBMARKET_ADMIN_TOKEN           | mon jeton secret  | jobmarket.admin.token
            """)
    void aMalformedEnvironmentVariableEndsTheProcessWithExitCode1AndOneLine(String variable, String value, String key)
            throws Exception {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JobMarketApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(variable, value,
                "JOBMARKET_DATA_DIR", TestDatabase.newDirectory().toString(),
                "JOBMARKET_HTTP_PORT", Integer.toString(TestApplication.freePort())));
        Process process = builder.start();
        String output;
        try (InputStream out = process.getInputStream()) {
            output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        System.out.printf("%s=%s: exit %d after %d ms%n", variable, value, process.exitValue(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(output.strip().lines()).as(output).singleElement().asString()
                .contains("Start-up failed: Setting " + key + " (" + variable + ") is ")
                .contains(": expected ");
        if (SECRETS.contains(key)) {
            assertThat(output).doesNotContain(value);
        }
    }

    private static Set<String> fileKeys() throws IOException {
        Properties file = new Properties();
        try (var reader = Files.newBufferedReader(Path.of("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            file.load(reader);
        }
        return new TreeSet<>(file.stringPropertyNames());
    }

    /** Valid settings on a fresh data directory and a free port, with {@code values} on top. */
    private static Settings settings(Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        all.put("jobmarket.http.port", Integer.toString(TestApplication.freePort()));
        all.putAll(values);
        return TestDatabase.settings(all);
    }
}
