package fr.jobmarket.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static fr.jobmarket.history.JsonArrayFiles.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferHistoryTest {

    private static final LocalDate JULY_20 = LocalDate.parse("2025-07-20");
    private static final LocalDate JULY_21 = LocalDate.parse("2025-07-21");
    private static final LocalDate JULY_22 = LocalDate.parse("2025-07-22");

    @TempDir
    Path temp;

    @Test
    void mergesTheReferenceExampleA6() throws IOException {
        Path directory = temp.resolve("history");
        Path previous = writeOffers(directory.resolve("2025-07-20--21h30__extraction_occurence_5.json"),
                offer("X", "Data engineer", "2025-07-20", "2025-07-01"),
                offer("Y", "Data analyst", "2025-07-20", "2025-07-10"));
        Path batch = writeOffers(temp.resolve("batch.json"),
                offer("Y", "Data analyst senior", "2025-07-21", null), offer("Z", "Data scientist", "2025-07-21", null));

        MergeResult result = new OfferHistory(directory).merge(batch, JULY_21, LocalDateTime.parse("2025-07-21T21:30:12"));

        assertThat(result.file()).isEqualTo(directory.resolve("2025-07-21--21h30__extraction_occurence_6.json"));
        assertThat(result.occurrence()).isEqualTo(6);
        assertThat(List.of(result.totalOffers(), result.kept(), result.updated(), result.added())).containsExactly(3L, 1L, 1L, 1L);
        assertThat(summaries(result.file())).containsExactly(
                "X|Data engineer|2025-07-20|2025-07-01",
                "Y|Data analyst senior|2025-07-21|2025-07-10",
                "Z|Data scientist|2025-07-21|2025-07-21");
        assertThat(Files.readAllLines(directory.resolve("_json_files_history.csv")))
                .containsExactly("json_filename, nombre d'offres", "2025-07-21--21h30__extraction_occurence_6.json,3");
        assertThat(previous).doesNotExist();
        assertThat(new OfferHistory(directory).currentFile()).contains(result.file());
    }

    @Test
    void firstExtractionGivesEveryOfferTheExtractionDateAsFirstWriteDate() throws IOException {
        Path directory = temp.resolve("history");
        Path batch = writeOffers(temp.resolve("batch.json"), offer("A", "t", "2025-03-02", null), offer("B", "t", "2025-03-02", null));

        MergeResult result = new OfferHistory(directory).merge(batch, LocalDate.parse("2025-03-02"), LocalDateTime.parse("2025-03-02T18:36"));

        assertThat(result.file().getFileName()).hasToString("2025-03-02--18h36__extraction_occurence_1.json");
        assertThat(List.of(result.totalOffers(), result.kept(), result.updated(), result.added())).containsExactly(2L, 0L, 0L, 2L);
        assertThat(summaries(result.file())).containsExactly("A|t|2025-03-02|2025-03-02", "B|t|2025-03-02|2025-03-02");
        assertThat(Files.readString(directory.resolve("offers_ids.txt"))).isEqualTo("A\nB\n");
        assertThat(Files.readAllLines(directory.resolve("_json_files_history.csv")))
                .containsExactly("json_filename, nombre d'offres", "2025-03-02--18h36__extraction_occurence_1.json,2");
        assertThat(directory.resolve("archives").resolve(result.file().getFileName())).hasSameBinaryContentAs(result.file());
    }

    @Test
    void keepsVanishedOffersUnchangedAndTakesNewValuesForOffersSeenAgain() throws IOException {
        OfferHistory history = new OfferHistory(temp.resolve("history"));
        history.merge(writeOffers(temp.resolve("b1.json"), offer("vanished", "v", "2025-07-20", null),
                offer("updated", "old title", "2025-07-20", null), offer("unchanged", "same", "2025-07-20", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));

        MergeResult result = history.merge(writeOffers(temp.resolve("b2.json"), offer("new", "n", "2025-07-21", null),
                offer("unchanged", "same", "2025-07-21", null), offer("updated", "new title", "2025-07-21", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));

        assertThat(summaries(result.file())).containsExactly(
                "vanished|v|2025-07-20|2025-07-20",
                "new|n|2025-07-21|2025-07-21",
                "unchanged|same|2025-07-21|2025-07-20",
                "updated|new title|2025-07-21|2025-07-20");
        assertThat(List.of(result.totalOffers(), result.kept(), result.updated(), result.added())).containsExactly(4L, 1L, 2L, 1L);
        assertThat(Files.readString(history.directory().resolve("offers_ids.txt"))).isEqualTo("vanished\nnew\nunchanged\nupdated\n");
    }

    @Test
    void keepsTheFirstWriteDateAcrossThreeRunsEvenForAnOfferThatVanishedAndCameBack() throws IOException {
        OfferHistory history = new OfferHistory(temp.resolve("history"));
        history.merge(writeOffers(temp.resolve("b1.json"), offer("steady", "s", "x", null), offer("comeback", "c", "x", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));
        history.merge(writeOffers(temp.resolve("b2.json"), offer("steady", "s", "x", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));
        MergeResult third = history.merge(writeOffers(temp.resolve("b3.json"), offer("steady", "s", "x", null),
                offer("comeback", "c2", "x", null), offer("late", "l", "x", null)), JULY_22, LocalDateTime.parse("2025-07-22T21:30"));

        assertThat(third.occurrence()).isEqualTo(3);
        assertThat(summaries(third.file())).containsExactly(
                "steady|s|2025-07-22|2025-07-20", "comeback|c2|2025-07-22|2025-07-20", "late|l|2025-07-22|2025-07-22");
        assertThat(Files.readAllLines(history.directory().resolve("_json_files_history.csv"))).containsExactly(
                "json_filename, nombre d'offres",
                "2025-07-20--21h30__extraction_occurence_1.json,2",
                "2025-07-21--21h30__extraction_occurence_2.json,2",
                "2025-07-22--21h30__extraction_occurence_3.json,3");
    }

    @Test
    void archivesThePreviousFileAndTheFinalVersionOfTheNewOne() throws IOException {
        Path directory = temp.resolve("history");
        Path archives = directory.resolve("archives");
        OfferHistory history = new OfferHistory(directory);
        MergeResult first = history.merge(writeOffers(temp.resolve("b1.json"), offer("A", "a", "x", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));
        String firstContent = Files.readString(first.file());
        writeOffers(archives.resolve(first.file().getFileName()), offer("stale", "s", "x", null));

        MergeResult second = history.merge(writeOffers(temp.resolve("b2.json"), offer("B", "b", "x", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));

        assertThat(first.file()).doesNotExist();
        assertThat(archives.resolve(first.file().getFileName())).hasContent(firstContent);
        assertThat(summaries(archives.resolve(second.file().getFileName())))
                .containsExactly("A|a|2025-07-20|2025-07-20", "B|b|2025-07-21|2025-07-21");
        assertThat(HistoryFiles.filesIn(directory).stream().map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder(second.file().getFileName().toString(), "_json_files_history.csv",
                        "offers_ids.txt", ".merge.lock");
    }

    @Test
    void anUndoneMergeGivesBackThePreviousFileItsIdsAndItsHistoryCsv() throws IOException {
        Path directory = temp.resolve("history");
        OfferHistory history = new OfferHistory(directory);
        MergeResult first = history.merge(writeOffers(temp.resolve("b1.json"), offer("A", "a", "2025-07-20", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));
        byte[] firstBytes = Files.readAllBytes(first.file());
        List<String> csvAfterFirst = Files.readAllLines(directory.resolve("_json_files_history.csv"));
        MergeResult second = history.merge(writeOffers(temp.resolve("b2.json"), offer("B", "b", "2025-07-21", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));

        try (OfferHistory.PendingRestore restore = history.prepareRestore(second.file().getFileName().toString(),
                first.file().getFileName().toString())) {
            assertThat(restore.file()).hasBinaryContent(firstBytes);
        }
        assertThat(history.currentFile()).as("closed without a commit: nothing changed").contains(second.file());
        Path restored = history.prepareRestore(second.file().getFileName().toString(),
                first.file().getFileName().toString()).commit();

        assertThat(history.currentFile()).contains(restored);
        assertThat(restored).hasBinaryContent(firstBytes);
        assertThat(second.file()).doesNotExist();
        assertThat(directory.resolve("archives").resolve(second.file().getFileName())).exists();
        assertThat(Files.readString(directory.resolve("offers_ids.txt"))).isEqualTo("A\n");
        assertThat(Files.readAllLines(directory.resolve("_json_files_history.csv"))).isEqualTo(csvAfterFirst);
        // the next merge continues from the restored file
        MergeResult third = history.merge(writeOffers(temp.resolve("b3.json"), offer("C", "c", "2025-07-22", null)),
                JULY_22, LocalDateTime.parse("2025-07-22T21:30"));
        assertThat(third.occurrence()).isEqualTo(2);
        assertThat(summaries(third.file())).containsExactly("A|a|2025-07-20|2025-07-20", "C|c|2025-07-22|2025-07-22");
    }

    @Test
    void anUndoInterruptedAfterItsCommitPointIsFinishedAndAnotherRestoreRefusesAForeignCurrentFile() throws IOException {
        Path directory = temp.resolve("history");
        OfferHistory history = new OfferHistory(directory);
        MergeResult first = history.merge(writeOffers(temp.resolve("b1.json"), offer("A", "a", "2025-07-20", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));
        MergeResult second = history.merge(writeOffers(temp.resolve("b2.json"), offer("B", "b", "2025-07-21", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));
        // the state a crash leaves right after the restored file became current: journal, both files on disk
        Files.writeString(directory.resolve(".merge-journal"), "previous=" + second.file().getFileName()
                + "\nnext=" + first.file().getFileName() + "\nundo=true\n");
        Files.createLink(first.file(), directory.resolve("archives").resolve(first.file().getFileName()));

        assertThat(history.currentFile()).contains(first.file());
        assertThat(second.file()).doesNotExist();
        assertThat(Files.readAllLines(directory.resolve("_json_files_history.csv")))
                .containsExactly("json_filename, nombre d'offres", first.file().getFileName() + ",1");
        // the undo asked again finds the restored file current and changes nothing
        assertThat(history.prepareRestore(second.file().getFileName().toString(), first.file().getFileName().toString())
                .commit()).isEqualTo(first.file());
        assertThatThrownBy(() -> history.prepareRestore("2025-07-19--21h30__extraction_occurence_9.json",
                "2025-07-18--21h30__extraction_occurence_8.json")).isInstanceOf(IOException.class).hasMessageContaining("not in");
    }

    @Test
    void appendsToAnExistingHistoryCsvKeepingItsLines() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("history"));
        Files.writeString(directory.resolve("_json_files_history.csv"),
                "json_filename, nombre d'offres\n2025-03-02--18h36__extraction_occurence_1.json,13419\n");

        MergeResult result = new OfferHistory(directory).merge(writeOffers(temp.resolve("b.json"), offer("A", "a", "x", null)),
                JULY_20, LocalDateTime.parse("2025-07-20T08:05"));

        assertThat(Files.readString(directory.resolve("_json_files_history.csv"))).isEqualTo("json_filename, nombre d'offres\n"
                + "2025-03-02--18h36__extraction_occurence_1.json,13419\n" + result.file().getFileName() + ",1\n");
    }

    @Test
    void writesANewEquivalentOccurrenceWhenRerunOnTheSameDay() throws IOException {
        OfferHistory history = new OfferHistory(temp.resolve("history"));
        Path batch = writeOffers(temp.resolve("b.json"), offer("A", "a", "x", null), offer("B", "b", "x", null));
        MergeResult first = history.merge(batch, JULY_20, LocalDateTime.parse("2025-07-20T21:30"));
        List<String> firstSummaries = summaries(first.file());

        MergeResult again = history.merge(batch, JULY_20, LocalDateTime.parse("2025-07-20T21:30"));

        assertThat(again.file().getFileName()).hasToString("2025-07-20--21h30__extraction_occurence_2.json");
        assertThat(summaries(again.file())).isEqualTo(firstSummaries);
        assertThat(List.of(again.kept(), again.updated(), again.added())).containsExactly(0L, 2L, 0L);
    }

    @Test
    void leavesContactAndAgencyDetailsOutOfTheHistory() throws IOException {
        ObjectNode offer = offer("A", "a", "x", null);
        offer.putObject("contact").put("nom", "Mme Martin").put("courriel", "martin@example.org");
        offer.putObject("agence").put("telephone", "0102030405");

        MergeResult result = new OfferHistory(temp.resolve("history")).merge(writeOffers(temp.resolve("b.json"), offer),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));

        assertThat(read(result.file()).get(0).has("contact")).isFalse();
        assertThat(read(result.file()).get(0).has("agence")).isFalse();
    }

    @Test
    void stampsBatchOffersWithOneFirstWriteDateWhateverTheyAlreadyCarry() throws IOException {
        ObjectNode withNulls = offer("A", "a", "2025-07-20", null);
        withNulls.putNull("datePremiereEcriture");
        withNulls.putNull("contact");
        ObjectNode otherDate = offer("B", "b", "2025-07-01", null);

        MergeResult result = new OfferHistory(temp.resolve("history")).merge(writeOffers(temp.resolve("b.json"), withNulls, otherDate),
                JULY_20, LocalDateTime.parse("2025-07-20T21:30"));

        String written = Files.readString(result.file());
        assertThat(written.split("datePremiereEcriture", -1)).hasSize(3);
        assertThat(written).doesNotContain("contact");
        assertThat(summaries(result.file())).containsExactly("A|a|2025-07-20|2025-07-20", "B|b|2025-07-20|2025-07-20");
    }

    @Test
    void copiesKeptOffersByteForByteFromAFileOfTheOriginal() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("history"));
        String kept = "{\n    \"id\": \"186OLD\",\n    \"origineOffre\": {\"urlOrigine\": \"https:\\/\\/candidat.francetravail.fr\\/186OLD\"},"
                + "\n    \"dateExtraction\": \"2025-03-02\",\n    \"datePremiereEcriture\": \"2025-03-02\"\n  }";
        Files.writeString(directory.resolve("2025-03-02--18h36__extraction_occurence_1.json"), "[\n  " + kept + "\n]\n");

        MergeResult result = new OfferHistory(directory).merge(writeOffers(temp.resolve("b.json"), offer("NEW", "n", "2025-03-03", null)),
                LocalDate.parse("2025-03-03"), LocalDateTime.parse("2025-03-03T21:30"));

        assertThat(Files.readString(result.file())).startsWith("[\n" + kept + ",\n{\"id\":\"NEW\"");
        assertThat(summaries(result.file())).containsExactly("186OLD||2025-03-02|2025-03-02", "NEW|n|2025-03-03|2025-03-03");
    }

    @Test
    void refusesABatchHoldingAnOfferTwiceBeforeWritingAnything() throws IOException {
        Path directory = temp.resolve("history");
        Path batch = writeOffers(temp.resolve("b.json"), offer("A", "a", "x", null), offer("A", "again", "x", null));

        assertThatThrownBy(() -> new OfferHistory(directory).merge(batch, JULY_20, LocalDateTime.parse("2025-07-20T21:30")))
                .hasMessageContaining("offer id A appears twice").hasMessageContaining("b.json");
        assertThat(new OfferHistory(directory).currentFile()).isEmpty();
    }

    @Test
    void refusesATruncatedCurrentFileNamingItsPositionAndLeavesItUntouched() throws IOException {
        Path directory = temp.resolve("history");
        Path current = writeOffers(directory.resolve("2025-07-20--21h30__extraction_occurence_4.json"),
                offer("A", "a", "2025-07-20", "2025-07-01"), offer("B", "b", "2025-07-20", "2025-07-01"));
        byte[] whole = Files.readAllBytes(current);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 30);
        Files.write(current, truncated);
        Path batch = writeOffers(temp.resolve("b.json"), offer("C", "c", "x", null));

        assertThatThrownBy(() -> new OfferHistory(directory).merge(batch, JULY_21, LocalDateTime.parse("2025-07-21T21:30")))
                .hasMessageContaining(current.toString()).hasMessageContaining("not valid JSON")
                .hasMessageContaining("at line: 3").hasMessageContaining("was not modified");

        assertThat(Files.readAllBytes(current)).isEqualTo(truncated);
        assertThat(HistoryFiles.filesIn(directory).stream().map(file -> file.getFileName().toString()))
                .containsExactlyInAnyOrder(current.getFileName().toString(), ".merge.lock");
        assertThat(directory.resolve("archives")).doesNotExist();
    }

    @Test
    void refusesTwoCurrentFilesThatNoInterruptedMergeExplains() throws IOException {
        Path directory = temp.resolve("history");
        writeOffers(directory.resolve("2025-07-20--21h30__extraction_occurence_4.json"), offer("A", "a", "x", "x"));
        writeOffers(directory.resolve("2025-07-21--21h30__extraction_occurence_5.json"), offer("A", "a", "x", "x"));

        assertThatThrownBy(() -> new OfferHistory(directory).currentFile())
                .hasMessageContaining("expected at most one current history file")
                .hasMessageContaining("2025-07-20--21h30__extraction_occurence_4.json")
                .hasMessageContaining("2025-07-21--21h30__extraction_occurence_5.json");
        assertThat(HistoryFiles.filesIn(directory)).hasSize(3);
    }

    @Test
    void refusesAnotherJsonFileInTheHistoryDirectory() throws IOException {
        Path directory = temp.resolve("history");
        writeOffers(directory.resolve("all_in_one.json"), offer("A", "a", "x", "x"));

        assertThatThrownBy(() -> new OfferHistory(directory).currentFile()).hasMessageContaining("all_in_one.json");
    }

    @Test
    void deletesATemporaryFileLeftByAKilledWriteAndMergesNormally() throws IOException {
        Path directory = temp.resolve("history");
        Path current = writeOffers(directory.resolve("2025-07-20--21h30__extraction_occurence_1.json"), offer("A", "a", "2025-07-20", "2025-07-20"));
        Path leftover = directory.resolve(".2025-07-21--21h30__extraction_occurence_2.json.tmp");
        Files.writeString(leftover, "[{\"id\":\"A\",\"intit");
        OfferHistory history = new OfferHistory(directory);

        assertThat(history.currentFile()).contains(current);
        assertThat(leftover).doesNotExist();
        MergeResult result = history.merge(writeOffers(temp.resolve("b.json"), offer("B", "b", "x", null)),
                JULY_21, LocalDateTime.parse("2025-07-21T21:30"));
        assertThat(summaries(result.file())).containsExactly("A|a|2025-07-20|2025-07-20", "B|b|2025-07-21|2025-07-21");
    }

    static ObjectNode offer(String id, String title, String dateExtraction, String datePremiereEcriture) {
        ObjectNode offer = MAPPER.createObjectNode().put("id", id).put("intitule", title)
                .put("description", "Offre " + id + " : https://example.org/" + id);
        offer.putObject("salaire").put("libelle", "Annuel de 45000 Euros");
        offer.putArray("competences").addObject().put("code", "1").put("libelle", "SQL");
        offer.put("lieu_cas", "cas_1").put("code_insee", "75056").put("dateExtraction", dateExtraction);
        if (datePremiereEcriture != null) {
            offer.put("datePremiereEcriture", datePremiereEcriture);
        }
        return offer;
    }

    static Path writeOffers(Path file, ObjectNode... offers) throws IOException {
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            for (ObjectNode offer : offers) {
                writer.write(offer.deepCopy());
            }
            return writer.commit();
        }
    }

    static List<ObjectNode> read(Path file) throws IOException {
        List<ObjectNode> offers = new ArrayList<>();
        JsonArrayFiles.forEach(file, offers::add);
        return offers;
    }

    /** id|intitule|dateExtraction|datePremiereEcriture of each offer, in file order. */
    static List<String> summaries(Path file) throws IOException {
        return read(file).stream().map(offer -> offer.path("id").asText() + "|" + offer.path("intitule").asText() + "|"
                + offer.path("dateExtraction").asText() + "|" + offer.path("datePremiereEcriture").asText()).toList();
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
