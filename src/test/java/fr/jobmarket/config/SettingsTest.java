package fr.jobmarket.config;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    @Test
    void environmentVariablesOverrideTheFileAndSystemPropertiesOverrideTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("jobmarket.concurrency", "7");
        Settings settings = Settings.load(
                Map.of("JOBMARKET_HTTP_PORT", "9090", "JOBMARKET_CONCURRENCY", "3", "JOBMARKET_DB_EMBEDDED_PORT", "0"),
                system, Map.of());

        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.integer("jobmarket.concurrency")).isEqualTo(7);
        assertThat(settings.integer("jobmarket.db.embedded-port")).isZero();
        assertThat(settings.text("jobmarket.ft.api.url")).isEqualTo("https://api.francetravail.io/partenaire/offresdemploi/v2");
    }

    @Test
    void environmentVariableNamesFollowOneRule() {
        assertThat(Settings.environmentVariable("jobmarket.classification.mode")).isEqualTo("JOBMARKET_CLASSIFICATION_MODE");
        assertThat(Settings.environmentVariable("jobmarket.harvest.on-startup")).isEqualTo("JOBMARKET_HARVEST_ON_STARTUP");
    }

    @Test
    void aMalformedValueNamesTheSettingAndItsEnvironmentVariable() {
        Settings settings = Settings.load(Map.of("JOBMARKET_HTTP_PORT", "eighty"), new Properties(), Map.of());

        assertThatThrownBy(settings::httpPort)
                .isInstanceOf(StartupException.class)
                .hasMessage("Setting jobmarket.http.port (JOBMARKET_HTTP_PORT) is 'eighty': expected a whole number from 1 to 65535.");
    }

    @Test
    void camelKeysAreReadFromTheEnvironmentVariableCamelItselfReads() {
        Settings defaults = Settings.load(Map.of(), new Properties(), Map.of());
        defaults.asProperties().stringPropertyNames().stream().filter(key -> key.startsWith("camel."))
                .forEach(key -> assertThat(Settings.environmentVariable(key)).isEqualTo(org.apache.camel.main.MainHelper.toEnvVar(key)));

        Settings settings = Settings.load(Map.of("CAMEL_MAIN_SHUTDOWN_TIMEOUT", "7"), new Properties(), Map.of());
        assertThat(settings.integer("camel.main.shutdown-timeout")).isEqualTo(7);
        assertThat(settings.asProperties()).containsEntry("camel.main.shutdown-timeout", "7");
    }

    @Test
    void liveModeNeedsBothCredentials() {
        assertThat(Settings.load(Map.of("JOBMARKET_FT_CLIENT_ID", "id"), new Properties(), Map.of()).liveMode()).isFalse();
        assertThat(Settings.load(Map.of("JOBMARKET_FT_CLIENT_ID", "id", "JOBMARKET_FT_CLIENT_SECRET", "s"),
                new Properties(), Map.of()).liveMode()).isTrue();
    }

    @Test
    void theReadmeSettingsTableDocumentsEveryKey() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.List<String> undocumented = Settings.load(Map.of(), new Properties(), Map.of()).asProperties()
                .stringPropertyNames().stream()
                .filter(key -> key.startsWith(Settings.PREFIX)) // the camel.* keys are Camel's, documented by Camel
                .map(Settings::environmentVariable)
                .filter(variable -> !readme.contains("| `" + variable + "` |"))
                .sorted()
                .toList();

        assertThat(undocumented).as("settings missing from the README table").isEmpty();
    }

    @Test
    void theDescriptionNeverShowsValues() {
        Settings settings = Settings.load(Map.of("JOBMARKET_FT_CLIENT_SECRET", "top-secret"), new Properties(), Map.of());

        assertThat(settings.toString()).doesNotContain("top-secret").contains("jobmarket.ft.client.secret");
    }
}
