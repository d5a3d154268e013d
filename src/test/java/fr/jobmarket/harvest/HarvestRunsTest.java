package fr.jobmarket.harvest;

import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarvestRunsTest {

    private final HarvestRuns runs = new HarvestRuns(TestDatabase.dataSource());

    @BeforeEach
    void emptyTables() {
        TestDatabase.truncateAll();
    }

    @Test
    void aSecondRunIsRefusedWhileOneIsRunning() {
        long first = runs.begin("admin", LocalDate.of(2025, 7, 21));

        assertThatThrownBy(() -> runs.begin("schedule", LocalDate.of(2025, 7, 21)))
                .isInstanceOf(HarvestRuns.AlreadyRunning.class);

        runs.succeed(first);
        long second = runs.begin("schedule", LocalDate.of(2025, 7, 22));
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void recordsCountsPerStageAndTheEnd() {
        long id = runs.begin("test", LocalDate.of(2025, 7, 21));
        runs.recordCounts(id, Map.of("harvest", Map.of("collected", 1200)));
        runs.recordCounts(id, Map.of("history", Map.of("total", 5000)));
        runs.fail(id, "appellation 38971 Data_Analyst: HTTP 400 La position de début doit être inférieure ou égale à 3000.");

        HarvestRuns.Run run = runs.find(id).orElseThrow();
        assertThat(run.status()).isEqualTo(HarvestRuns.Status.FAILED);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(run.counts().path("harvest").path("collected").asInt()).isEqualTo(1200);
        assertThat(run.counts().path("history").path("total").asInt()).isEqualTo(5000);
        assertThat(run.error()).contains("38971");
        assertThat(runs.lastFinished()).map(HarvestRuns.Run::id).contains(id);
        assertThat(runs.lastSuccessful()).isEmpty();
    }

    @Test
    void aRunLeftRunningByADeadProcessIsClosedAtStartUp() {
        long id = runs.begin("schedule", LocalDate.of(2025, 7, 21));

        assertThat(runs.failInterruptedRuns()).isEqualTo(1);

        assertThat(runs.find(id).orElseThrow().status()).isEqualTo(HarvestRuns.Status.FAILED);
        assertThat(runs.find(id).orElseThrow().error()).startsWith("interrupted");
    }

    @Test
    void listsNewestFirst() {
        long first = runs.begin("admin", LocalDate.of(2025, 7, 20));
        runs.succeed(first);
        long second = runs.begin("admin", LocalDate.of(2025, 7, 21));

        assertThat(runs.list(10)).extracting(HarvestRuns.Run::id).containsExactly(second, first);
    }
}
