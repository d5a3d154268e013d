package fr.jobmarket.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static fr.jobmarket.history.JsonArrayFiles.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonArrayFilesTest {

    /** Pretty-printed like the original's files, with escaped slashes and accents (multi-byte UTF-8). */
    private static final String ORIGINAL_STYLE = "[\n  {\n    \"intitule\": \"Ingénieur données\",\n    \"id\": \"186ABCD\",\n"
            + "    \"origineOffre\": {\"urlOrigine\": \"https:\\/\\/candidat.francetravail.fr\\/offres\\/186ABCD\"},\n"
            + "    \"datePremiereEcriture\": \"2025-03-02\"\n  },\n  {\n    \"id\": 42,\n    \"competences\": [{\"id\": \"nested\"}]\n  }\n]\n";

    @TempDir
    Path temp;

    @Test
    void reportsTheTopLevelFieldsAndTheExactBytesOfEachObject() throws IOException {
        Path file = Files.writeString(temp.resolve("a.json"), ORIGINAL_STYLE);
        byte[] bytes = Files.readAllBytes(file);
        List<String> seen = new ArrayList<>();

        long count = JsonArrayFiles.forEachSpan(file, List.of("id", "datePremiereEcriture"), (index, start, end, values) -> {
            String text = new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
            assertThat(MAPPER.readTree(text).isObject()).isTrue();
            seen.add(index + ":" + values[0] + ":" + values[1] + ":" + text.charAt(0) + text.charAt(text.length() - 1));
        });

        assertThat(count).isEqualTo(2);
        assertThat(seen).containsExactly("0:186ABCD:2025-03-02:{}", "1:42:null:{}");
    }

    @Test
    void readsOneFieldOfEachObjectWhateverItHolds() throws IOException {
        Path file = Files.writeString(temp.resolve("a.json"), "[{\"id\":\"1\",\"lieuTravail\":{\"latitude\":44.8,"
                + "\"nested\":[{\"lieuTravail\":\"inner\"}]},\"competences\":[{\"lieuTravail\":0}]},"
                + "{\"lieuTravail\":null},{\"id\":\"3\"},{\"lieuTravail\":\"Paris\",\"id\":\"4\"}]");
        List<String> seen = new ArrayList<>();

        long count = JsonArrayFiles.forEachValue(file, "lieuTravail", value -> seen.add(String.valueOf(value)));

        assertThat(count).isEqualTo(4);
        assertThat(seen).containsExactly("{\"latitude\":44.8,\"nested\":[{\"lieuTravail\":\"inner\"}]}", "null", "null",
                "\"Paris\"");
    }

    @Test
    void copiesObjectsOfAnotherFileByteForByteBesideNewOnes() throws IOException {
        Path source = Files.writeString(temp.resolve("a.json"), ORIGINAL_STYLE);
        long[] span = new long[2];
        JsonArrayFiles.forEachSpan(source, List.of("id"), (index, start, end, values) -> {
            if (index == 0) {
                span[0] = start;
                span[1] = end;
            }
        });
        Path target = temp.resolve("b.json");
        try (FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
             JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(target)) {
            writer.write(MAPPER.createObjectNode().put("id", "first"));
            writer.copy(channel, span[0], span[1], 1);
            writer.write(MAPPER.createObjectNode().put("id", "last"));
            assertThat(writer.count()).isEqualTo(3);
            writer.commit();
        }

        String written = Files.readString(target);
        assertThat(written).startsWith("[\n{\"id\":\"first\"},\n{\n    \"intitule\": \"Ingénieur données\"")
                .contains("https:\\/\\/candidat.francetravail.fr").endsWith("},\n{\"id\":\"last\"}\n]\n");
        List<String> ids = new ArrayList<>();
        JsonArrayFiles.forEach(target, offer -> ids.add(offer.get("id").asText()));
        assertThat(ids).containsExactly("first", "186ABCD", "last");
    }

    @Test
    void leavesNoFileWhenNotCommitted() throws IOException {
        Path target = temp.resolve("b.json");
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(target)) {
            writer.write(MAPPER.createObjectNode().put("id", "x"));
        }
        assertThat(target).doesNotExist();
        assertThat(temp.resolve(".b.json.tmp")).doesNotExist();
    }

    @Test
    void refusesTextAfterTheArray() throws IOException {
        Path file = Files.writeString(temp.resolve("a.json"), "[{\"id\":\"1\"}]\n[{\"id\":\"2\"}]");

        assertThatThrownBy(() -> JsonArrayFiles.forEach(file, offer -> { }))
                .hasMessageContaining("a.json").hasMessageContaining("expected the end of the file");
        assertThatThrownBy(() -> JsonArrayFiles.forEachSpan(file, List.of("id"), (i, s, e, v) -> { }))
                .hasMessageContaining("expected the end of the file");
    }
}
