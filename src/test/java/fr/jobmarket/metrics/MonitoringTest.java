package fr.jobmarket.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;
import org.apache.camel.component.micrometer.eventnotifier.MicrometerExchangeEventNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files under monitoring/: Prometheus configuration and alert rules (promtool), Grafana datasources and
 * dashboards, checked against the running service and its warehouse schema.
 */
class MonitoringTest {

    private static final Path MONITORING = Path.of("monitoring");
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    /** Metric families the service itself serves; the others come from the exporters (pg_, node_, container_, up). */
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\b(?:jobmarket|camel|jvm|process|system|app)_[a-z0-9_]+\\b");

    private static TestApplication app;

    @BeforeAll
    static void startService() {
        app = TestApplication.start();
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void theServiceTimesRoutesAndCountsTheirInflightExchangesWithoutTimingEachEndpointSend() {
        assertThat(app.application().camelContext().getManagementStrategy().getEventNotifiers())
                .noneMatch(MicrometerExchangeEventNotifier.class::isInstance);
        app.get("/stats/total_offres");
        assertThat(app.get("/observe/metrics").body())
                .doesNotContain("camel_exchange_event_notifier")
                .containsPattern("(?m)^camel_route_policy_seconds_count\\{.*routeId=\"api-total-offres\".*\\} [1-9]")
                .containsPattern("(?m)^camel_exchanges_inflight\\{.*eventType=\"route\".*routeId=\"harvest\".*\\} 0");
    }

    @Test
    void prometheusConfigurationAndAlertRulesPassPromtool() throws Exception {
        assumeTrue(Files.isExecutable(PROMTOOL), "promtool not installed (Debian package prometheus)");

        assertThat(promtool("check", "config", MONITORING.resolve("prometheus/prometheus.yml").toString())).contains("SUCCESS");
        assertThat(promtool("check", "rules", MONITORING.resolve("prometheus/alerts.yml").toString())).contains("SUCCESS: 7 rules found");
    }

    @Test
    void alertRulesCoverTheOperatorsQuestions() throws Exception {
        List<String> alerts = alertRules().stream().map(rule -> (String) rule.get("alert")).toList();

        assertThat(alerts).contains("JobmarketHarvestFailed", "JobmarketNoSuccessfulHarvest", "JobmarketFranceTravailThrottled",
                "JobmarketOffersCollectedFarBelowAnnounced", "JobmarketDatabaseDown", "JobmarketApiServerErrors");
        for (Map<String, Object> rule : alertRules()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as(rule.get("alert").toString()).containsKeys("summary", "description");
        }
    }

    @Test
    void everyServiceMetricUsedByDashboardsAndAlertsIsExposed() throws Exception {
        app.get("/about");  // one request, so the HTTP request histogram has a series
        // what the application does at start with its appellation list
        BusinessMetrics.from(app.application().camelContext()).appellations(List.of("38971", "404278"));
        Set<String> exposed = app.get("/observe/metrics").body().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0])
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> used = new TreeSet<>();
        for (Map<String, Object> rule : alertRules()) {
            used.addAll(serviceMetrics((String) rule.get("expr")));
        }
        for (JsonNode target : targets()) {
            used.addAll(serviceMetrics(target.path("expr").asText("")));
        }

        assertThat(used).contains("jobmarket_harvest_runs_total", "jobmarket_http_server_requests_seconds_bucket",
                "camel_exchanges_total", "jvm_memory_used_bytes");
        assertThat(exposed).containsAll(used);
    }

    @Test
    void everyDashboardQueryNamesAProvisionedDatasource() throws Exception {
        Set<String> uids = new TreeSet<>();
        for (Map<String, Object> datasource : list(yaml(MONITORING.resolve("grafana/provisioning/datasources/datasources.yml")), "datasources")) {
            uids.add((String) datasource.get("uid"));
        }
        assertThat(uids).containsExactlyInAnyOrder("prometheus", "warehouse");

        List<JsonNode> panels = panels();
        assertThat(panels).hasSizeGreaterThan(20);
        for (JsonNode panel : panels) {
            assertThat(uids).as("panel '%s'", panel.path("title").asText()).contains(panel.path("datasource").path("uid").asText());
            for (JsonNode target : panel.path("targets")) {
                assertThat(uids).as("query of panel '%s'", panel.path("title").asText())
                        .contains(target.path("datasource").path("uid").asText());
            }
        }
        assertThat(dashboardTitles()).contains("jobmarket - harvest and routes", "jobmarket - API", "jobmarket - job market");
    }

    @Test
    void everyWarehouseQueryRunsOnTheSchema() throws Exception {
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO offreemploi (offre_id, date_extraction, date_creation) VALUES ('GRAF1', '2026-03-01', '2026-02-27')");
            statement.execute("INSERT INTO descriptionoffre (offre_id, intitule_offre, metier_data, liste_mots_cles)"
                    + " VALUES ('GRAF1', 'Data engineer', 'DE', ARRAY['python', 'spark'])");
            statement.execute("INSERT INTO contrat (offre_id, type_contrat, type_contrat_libelle) VALUES ('GRAF1', 'CDI', 'Contrat à durée indéterminée')");
            statement.execute("INSERT INTO entreprise (offre_id, nom_entreprise) VALUES ('GRAF1', 'ACME')");
            statement.execute("INSERT INTO localisation (offre_id, code_departement, nom_departement, nom_region, lieu_cas)"
                    + " VALUES ('GRAF1', '69', 'Rhône', 'Auvergne-Rhône-Alpes', 'cas_1')");
            List<String> answers = new ArrayList<>();
            for (JsonNode target : targets()) {
                if (!target.path("datasource").path("uid").asText().equals("warehouse")) {
                    continue;
                }
                String sql = target.path("rawSql").asText()
                        .replaceAll("\\$__timeFilter\\(([^)]+)\\)", "$1 BETWEEN '2026-01-01' AND '2026-12-31'")
                        .replace("${metier}", "DE");
                try (ResultSet rows = statement.executeQuery(sql)) {
                    assertThat(rows.next()).as(sql).isTrue();
                    answers.add(rows.getString(1));
                }
            }
            assertThat(answers).hasSizeGreaterThanOrEqualTo(8).contains("python", "Auvergne-Rhône-Alpes", "DE");
        }
    }

    private static Set<String> serviceMetrics(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SERVICE_METRIC.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : list(yaml(MONITORING.resolve("prometheus/alerts.yml")), "groups")) {
            rules.addAll(list(group, "rules"));
        }
        return rules;
    }

    private static List<JsonNode> targets() throws IOException {
        List<JsonNode> targets = new ArrayList<>();
        for (JsonNode panel : panels()) {
            panel.path("targets").forEach(targets::add);
        }
        return targets;
    }

    private static List<JsonNode> panels() throws IOException {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode dashboard : dashboards()) {
            for (JsonNode panel : dashboard.path("panels")) {
                if (!panel.path("type").asText().equals("row")) {
                    panels.add(panel);
                }
            }
        }
        return panels;
    }

    private static List<String> dashboardTitles() throws IOException {
        return dashboards().stream().map(dashboard -> dashboard.path("title").asText()).toList();
    }

    private static List<JsonNode> dashboards() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.walk(MONITORING.resolve("grafana/dashboards"))) {
            List<JsonNode> dashboards = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(mapper.readTree(file.toFile()));
            }
            return dashboards;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    private static String promtool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
