package fr.jobmarket.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.jobmarket.history.OfferHistoryTest.offer;
import static fr.jobmarket.history.OfferHistoryTest.summaries;
import static fr.jobmarket.history.OfferHistoryTest.writeOffers;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill at any instant of a merge: the directory is copied as it is on disk after every step of a real merge
 * (temporary files, half-written file and journal included), then each copy is opened as the next run would.
 */
class OfferHistoryCrashTest {

    private static final String OLD = "2025-07-20--21h30__extraction_occurence_1.json";
    private static final String NEW = "2025-07-21--21h30__extraction_occurence_2.json";
    private static final List<String> OLD_CONTENT = List.of("A|a|2025-07-20|2025-07-20", "B|b|2025-07-20|2025-07-20");
    private static final List<String> NEW_CONTENT = List.of("A|a|2025-07-20|2025-07-20", "B|b2|2025-07-21|2025-07-20", "C|c|2025-07-21|2025-07-21");
    private static final List<String> BEFORE_COMMIT = List.of("start", "journal-written", "kept-offers-written", "new-file-synced");
    private static final List<String> AFTER_COMMIT = List.of("new-file-current", "archive-copied", "ids-written",
            "history-line-appended", "previous-archived", "end");

    @TempDir
    Path temp;

    @Test
    void aKillAtAnyStepLeavesEitherTheOldOrTheNewHistoryAndTheNextRunWorks() throws IOException {
        Path directory = temp.resolve("history");
        OfferHistory first = new OfferHistory(directory);
        first.merge(writeOffers(temp.resolve("b1.json"), offer("A", "a", "x", null), offer("B", "b", "x", null)),
                LocalDate.parse("2025-07-20"), LocalDateTime.parse("2025-07-20T21:30"));
        Path batch = writeOffers(temp.resolve("b2.json"), offer("B", "b2", "x", null), offer("C", "c", "x", null));
        Map<String, Path> snapshots = new LinkedHashMap<>();
        snapshots.put("start", copy(directory, temp.resolve("crash-start")));

        new OfferHistory(directory, step -> snapshots.put(step, copy(directory, temp.resolve("crash-" + step))))
                .merge(batch, LocalDate.parse("2025-07-21"), LocalDateTime.parse("2025-07-21T21:30"));
        snapshots.put("end", copy(directory, temp.resolve("crash-end")));

        assertThat(snapshots.keySet()).containsExactlyElementsOf(Stream.concat(BEFORE_COMMIT.stream(), AFTER_COMMIT.stream()).toList());
        for (String step : BEFORE_COMMIT) {
            Path crashed = snapshots.get(step);
            assertThat(new OfferHistory(crashed).currentFile()).as(step).contains(crashed.resolve(OLD));
            assertThat(summaries(crashed.resolve(OLD))).as(step).isEqualTo(OLD_CONTENT);
            assertThat(names(crashed)).as(step).containsExactlyInAnyOrder(OLD, "_json_files_history.csv", "offers_ids.txt", ".merge.lock");
            assertThat(Files.readString(crashed.resolve("offers_ids.txt"))).as(step).isEqualTo("A\nB\n");
            assertThat(names(crashed.resolve("archives"))).as(step).containsExactly(OLD);

            Path rerun = new OfferHistory(crashed).merge(batch, LocalDate.parse("2025-07-21"), LocalDateTime.parse("2025-07-21T22:00")).file();
            assertThat(summaries(rerun)).as(step).isEqualTo(NEW_CONTENT);
        }
        for (String step : AFTER_COMMIT) {
            Path crashed = snapshots.get(step);
            assertThat(new OfferHistory(crashed).currentFile()).as(step).contains(crashed.resolve(NEW));
            assertNewState(step, crashed);
            assertThat(new OfferHistory(crashed).currentFile()).as(step + ", opened twice").contains(crashed.resolve(NEW));
            assertNewState(step + ", opened twice", crashed);
        }
    }

    @Test
    void aCompleteButUnrenamedFileIsDiscardedAndTheOldFileStaysCurrent() throws IOException {
        Path directory = temp.resolve("history");
        writeOffers(directory.resolve(OLD), offer("A", "a", "2025-07-20", "2025-07-20"));
        writeOffers(directory.resolve("." + NEW + ".tmp"), offer("A", "a", "2025-07-21", "2025-07-20"));
        Files.writeString(directory.resolve(".merge-journal"), "previous=" + OLD + "\nnext=" + NEW + "\n");

        assertThat(new OfferHistory(directory).currentFile()).contains(directory.resolve(OLD));
        assertThat(names(directory)).containsExactlyInAnyOrder(OLD, ".merge.lock");
    }

    @Test
    void aMergeThatFailsAfterItsCommitPointIsFinishedByTheNextOpening() throws IOException {
        Path directory = temp.resolve("history");
        new OfferHistory(directory).merge(writeOffers(temp.resolve("b1.json"), offer("A", "a", "x", null), offer("B", "b", "x", null)),
                LocalDate.parse("2025-07-20"), LocalDateTime.parse("2025-07-20T21:30"));
        Path batch = writeOffers(temp.resolve("b2.json"), offer("B", "b2", "x", null), offer("C", "c", "x", null));
        OfferHistory failing = new OfferHistory(directory, step -> {
            if (step.equals("archive-copied")) {
                throw new IOException("disk full");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> failing.merge(batch, LocalDate.parse("2025-07-21"),
                LocalDateTime.parse("2025-07-21T21:30"))).hasMessageContaining("disk full");

        assertThat(new OfferHistory(directory).currentFile()).contains(directory.resolve(NEW));
        assertNewState("after a failure past the commit point", directory);
    }

    private static void assertNewState(String step, Path crashed) throws IOException {
        assertThat(summaries(crashed.resolve(NEW))).as(step).isEqualTo(NEW_CONTENT);
        assertThat(names(crashed)).as(step).containsExactlyInAnyOrder(NEW, "_json_files_history.csv", "offers_ids.txt", ".merge.lock");
        assertThat(Files.readString(crashed.resolve("offers_ids.txt"))).as(step).isEqualTo("A\nB\nC\n");
        assertThat(Files.readAllLines(crashed.resolve("_json_files_history.csv"))).as(step)
                .containsExactly("json_filename, nombre d'offres", OLD + ",2", NEW + ",3");
        assertThat(names(crashed.resolve("archives"))).as(step).containsExactlyInAnyOrder(OLD, NEW);
        assertThat(summaries(crashed.resolve("archives").resolve(OLD))).as(step).isEqualTo(OLD_CONTENT);
        assertThat(summaries(crashed.resolve("archives").resolve(NEW))).as(step).isEqualTo(NEW_CONTENT);
    }

    private static List<String> names(Path directory) throws IOException {
        return HistoryFiles.filesIn(directory).stream().map(file -> file.getFileName().toString()).toList();
    }

    /** The directory as a kill would leave it: every file with its bytes on disk at this instant. */
    private static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }
}
