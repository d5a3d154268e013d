package fr.jobmarket.monitoring;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml: the whole stack, pinned, healthy, persistent, with its secrets in .env only. */
class DockerComposeTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");

    @Test
    void composeAcceptsTheFileWithTheExampleEnvironment() throws Exception {
        List<String> tool = composeTool();
        assumeTrue(tool != null, "neither 'docker compose' nor 'docker-compose' is installed");
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("--env-file", ".env.example", "-f", COMPOSE.toString(), "config", "--services"));

        String output = run(command);

        assertThat(output.lines().map(String::trim).toList()).containsExactlyInAnyOrder("postgres", "app", "prometheus", "grafana",
                "postgres-exporter", "node-exporter", "cadvisor", "hawtio");
    }

    @Test
    void everyServiceIsPinnedAndHealthChecked() throws Exception {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsOnlyKeys("postgres", "app", "prometheus", "grafana", "postgres-exporter", "node-exporter",
                "cadvisor", "hawtio");
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck");
            Object image = service.get("image");
            if (image != null) {
                assertThat(image.toString()).as(name).matches(".+:v?\\d+\\.\\d+(\\.\\d+)?");
            } else {
                assertThat(service).as(name + " is built").containsKey("build");
            }
        });
        assertThat(services.get("prometheus").get("image")).isEqualTo("prom/prometheus:v3.5.0");
        assertThat(services.get("grafana").get("image")).isEqualTo("grafana/grafana:12.0.2");
        assertThat(services.get("postgres").get("image").toString()).startsWith("postgres:16.");
    }

    @Test
    void theDataDirectoryAndTheDatabasesLiveInNamedVolumes() throws Exception {
        Map<String, Map<String, Object>> services = services();

        assertThat(services.get("postgres").get("volumes").toString()).contains("postgres-data:/var/lib/postgresql/data");
        assertThat(services.get("app").get("volumes").toString()).contains("app-data:/data");
        assertThat(services.get("prometheus").get("volumes").toString()).contains("prometheus-data:/prometheus");
        assertThat(services.get("grafana").get("volumes").toString()).contains("grafana-data:/var/lib/grafana");
        assertThat(compose().get("volumes").toString()).contains("postgres-data", "app-data", "prometheus-data", "grafana-data");
    }

    @Test
    void secretsComeFromTheUncommittedEnvFile() throws Exception {
        String text = Files.readString(COMPOSE);
        String example = Files.readString(Path.of(".env.example"));

        for (String line : text.lines().filter(line -> line.matches("\\s*[A-Z_]*(PASSWORD|PASS|SECRET|TOKEN)[A-Z_]*:.*")).toList()) {
            assertThat(line).as("secret taken from .env").contains("${");
        }
        for (String variable : List.of("POSTGRES_PASSWORD", "GRAFANA_DB_PASSWORD", "PG_EXPORTER_PASSWORD", "GRAFANA_ADMIN_PASSWORD",
                "JOBMARKET_FT_CLIENT_SECRET", "JOBMARKET_ADMIN_TOKEN")) {
            assertThat(text).contains("${" + variable);
            assertThat(example).contains(variable + "=");
        }
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws Exception {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(COMPOSE));
    }

    /** Docker's compose plugin, else the standalone docker-compose (Debian package), else null. */
    private static List<String> composeTool() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
                process.getInputStream().readAllBytes();
                if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                    return candidate;
                }
            } catch (Exception e) {
                // not installed: try the next one
            }
        }
        return null;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
