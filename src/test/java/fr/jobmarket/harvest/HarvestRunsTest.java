package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import fr.jobmarket.support.RunRecords;
import fr.jobmarket.support.TestDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harvest_run statements (sql/harvest/) as the routes run them: camel-sql endpoints with named parameters
 * from headers and variables. The routes themselves are exercised by HarvestEndToEndTest and WholeHarvestRouteTest.
 */
class HarvestRunsTest {

    private static final DataSource DATA_SOURCE = TestDatabase.dataSource();
    private static CamelContext camel;
    private static ProducerTemplate template;

    @BeforeAll
    static void start() {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("dataSource", DATA_SOURCE);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    @BeforeEach
    void emptyTables() {
        TestDatabase.truncateAll();
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsRunningWithTheExceptionTheTriggerCatches() {
        long first = begin("admin", LocalDate.of(2025, 7, 21));

        assertThatThrownBy(() -> begin("schedule", LocalDate.of(2025, 7, 21)))
                .isInstanceOf(CamelExecutionException.class).hasCauseInstanceOf(DuplicateKeyException.class);

        finish(first, "SUCCEEDED", null, "{}");
        long second = begin("schedule", LocalDate.of(2025, 7, 22));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void recordsCountsPerStageAndTheEnd() {
        long id = begin("test", LocalDate.of(2025, 7, 21));
        sendWithVariables("sql:classpath:sql/harvest/merge-run-counts.sql?noop=true",
                Map.of("run_id", id, "counts", "{\"harvest\": {\"collected\": 1200}}"));
        finish(id, "FAILED", "appellation 38971 Data_Analyst: HTTP 400 La position de début doit être inférieure ou égale à 3000.",
                "{\"harvest\": {\"collected\": 1200}, \"history\": {\"total\": 5000}}");

        RunRecords.Run run = RunRecords.find(DATA_SOURCE, id);
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.counts().path("harvest").path("collected").asInt()).isEqualTo(1200);
        assertThat(run.counts().path("history").path("total").asInt()).isEqualTo(5000);
        assertThat(run.error()).contains("38971");
        Map<?, ?> last = template.requestBody("sql:classpath:sql/harvest/select-last-runs.sql?outputType=SelectOne", null, Map.class);
        assertThat(last.get("id")).isEqualTo(id);
        assertThat(last.get("finished_at")).isNotNull();
        assertThat(last.get("last_success_at")).isNull();
    }

    @Test
    void aFinishedRunIsNotFinishedAgain() {
        long id = begin("test", LocalDate.of(2025, 7, 21));
        finish(id, "SUCCEEDED", null, "{}");

        finish(id, "FAILED", "late failure", "{}");

        assertThat(RunRecords.find(DATA_SOURCE, id).status()).isEqualTo("SUCCEEDED");
        assertThat(RunRecords.find(DATA_SOURCE, id).error()).isNull();
    }

    @Test
    void aRunLeftRunningByADeadProcessIsClosedAtStartUp() {
        long id = begin("schedule", LocalDate.of(2025, 7, 21));

        assertThat(HarvestRuns.failInterruptedRuns(DATA_SOURCE, true, "host:/other", 120)).isEqualTo(1);

        assertThat(RunRecords.find(DATA_SOURCE, id).status()).isEqualTo("FAILED");
        assertThat(RunRecords.find(DATA_SOURCE, id).error()).startsWith("interrupted");
    }

    @Test
    void atStartUpOnASharedDatabaseOnlyThisInstancesRunsAndRunsWithAnExpiredLeaseAreClosed() {
        long other = begin("schedule", LocalDate.of(2025, 7, 21), "host:/b");

        assertThat(HarvestRuns.failInterruptedRuns(DATA_SOURCE, false, "host:/a", 120)).as("another instance's live run").isZero();
        assertThat(HarvestRuns.failInterruptedRuns(DATA_SOURCE, false, "host:/b", 120)).as("this instance's run").isEqualTo(1);
        assertThat(RunRecords.find(DATA_SOURCE, other).status()).isEqualTo("FAILED");
    }

    @Test
    void aRunWhoseLeaseRanOutIsFailedAsLostAndNoLongerBlocksATrigger() throws Exception {
        long lost = begin("schedule", LocalDate.of(2025, 7, 21), "host:/gone");
        assertThat(template.requestBodyAndHeader("sql:classpath:sql/harvest/expire-lost-runs.sql", null,
                "lease_seconds", "120", List.class)).as("a live lease").isEmpty();
        try (var connection = DATA_SOURCE.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE harvest_run SET heartbeat_at = now() - interval '121 seconds' WHERE id = " + lost);
        }

        List<?> expired = template.requestBodyAndHeader("sql:classpath:sql/harvest/expire-lost-runs.sql", null,
                "lease_seconds", "120", List.class);

        assertThat(expired).hasSize(1);
        assertThat(RunRecords.find(DATA_SOURCE, lost).status()).isEqualTo("FAILED");
        assertThat(RunRecords.find(DATA_SOURCE, lost).error()).startsWith("instance lost: host:/gone sent no heartbeat since");
        assertThat(begin("admin", LocalDate.of(2025, 7, 21))).isGreaterThan(lost);
    }

    @Test
    void listsNewestFirst() {
        long first = begin("admin", LocalDate.of(2025, 7, 20));
        finish(first, "SUCCEEDED", null, "{}");
        long second = begin("admin", LocalDate.of(2025, 7, 21));

        List<?> runs = template.requestBodyAndHeader("sql:classpath:sql/harvest/select-runs.sql", null, "limit", 10, List.class);

        assertThat(runs.stream().map(row -> (Object) ((Map<?, ?>) row).get("id")).toList()).containsExactly(second, first);
        JsonNode counts = RunRecords.find(DATA_SOURCE, first).counts();
        assertThat(counts.isObject()).isTrue();
    }

    private static long begin(String trigger, LocalDate extractionDate) {
        return begin(trigger, extractionDate, "host:/data");
    }

    private static long begin(String trigger, LocalDate extractionDate, String instance) {
        return template.requestBodyAndHeaders("sql:classpath:sql/harvest/insert-run.sql?outputType=SelectOne", null,
                Map.of("trigger", trigger, "extraction_date", extractionDate, "instance", instance), Long.class);
    }

    private static void finish(long id, String status, String error, String counts) {
        sendWithVariables("sql:classpath:sql/harvest/finish-run.sql?noop=true",
                Map.of("run_id", id, "status", status, "error", error == null ? "" : error, "counts", counts));
    }

    private static void sendWithVariables(String uri, Map<String, Object> variables) {
        var sent = template.send(uri, exchange -> variables.forEach(exchange::setVariable));
        if (sent.getException() != null) {
            throw new IllegalStateException(sent.getException());
        }
    }
}
