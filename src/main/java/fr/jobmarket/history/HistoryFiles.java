package fr.jobmarket.history;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names and side files of the history directory: the occurrence file name, the history CSV, the offer-id file,
 * the archive copy and the merge journal. Every write goes to a hidden {@code .<name>.tmp} sibling, is forced to
 * disk and renamed, so each file is always either its old or its new version.
 */
final class HistoryFiles {

    static final String ARCHIVES = "archives";
    static final String HISTORY_CSV = "_json_files_history.csv";
    static final String HISTORY_CSV_HEADER = "json_filename, nombre d'offres";
    static final String IDS_FILE = "offers_ids.txt";
    static final String JOURNAL = ".merge-journal";
    static final String LOCK = ".merge.lock";

    /** {@code occurence} with one r: the original's spelling, kept so existing histories keep working. */
    private static final Pattern CURRENT_NAME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}--\\d{2}h\\d{2}__extraction_occurence_(\\d{1,9})\\.json");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd--HH'h'mm");

    private HistoryFiles() {
    }

    static String currentName(LocalDateTime runStart, int occurrence) {
        return TIMESTAMP.format(runStart) + "__extraction_occurence_" + occurrence + ".json";
    }

    static boolean isCurrentName(String name) {
        return CURRENT_NAME.matcher(name).matches();
    }

    static int occurrence(Path currentFile) {
        Matcher matcher = CURRENT_NAME.matcher(currentFile.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected a history file named <YYYY-MM-DD--HHhMM>__extraction_occurence_<N>.json, got "
                    + currentFile);
        }
        return Integer.parseInt(matcher.group(1));
    }

    static boolean isTemporary(String name) {
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    static Path temporaryOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }

    /** Plain files directly in {@code directory} (sub-directories such as archives/ are not looked into), sorted by name. */
    static List<Path> filesIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Writes {@code text} completely under a temporary name, forces it to disk and renames it over {@code file}. */
    static void writeAtomically(Path file, String text) throws IOException {
        Path temporary = temporaryOf(file);
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
        JsonArrayFiles.syncFile(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The API's offer-id file: one id per line, in file order, LF endings, no header. */
    static void writeIds(Path file, List<String> ids) throws IOException {
        StringBuilder text = new StringBuilder(ids.size() * 10);
        for (String id : ids) {
            text.append(id).append('\n');
        }
        writeAtomically(file, text.toString());
    }

    /**
     * Appends {@code <file name>,<offers>} to the history CSV (creating it with its header). Rewritten whole
     * (it holds one short line per run) so an interrupted append never leaves half a line, and skipped when the
     * last line is already this one: finishing an interrupted merge twice never writes it twice.
     */
    static void appendHistoryLine(Path csv, String fileName, long offers) throws IOException {
        String line = fileName + "," + offers;
        List<String> lines = Files.exists(csv)
                ? new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8))
                : new ArrayList<>(List.of(HISTORY_CSV_HEADER));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).equals(line)) {
            return;
        }
        lines.add(line);
        writeAtomically(csv, String.join("\n", lines) + "\n");
    }

    /**
     * Removes the last line of the history CSV when it is {@code fileName}'s: the line of a merge that was undone.
     * Idempotent, like {@link #appendHistoryLine}: finishing an interrupted undo twice removes it once.
     */
    static void removeHistoryLine(Path csv, String fileName) throws IOException {
        if (!Files.exists(csv)) {
            return;
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() > 1 && lines.get(lines.size() - 1).startsWith(fileName + ",")) {
            lines.remove(lines.size() - 1);
            writeAtomically(csv, String.join("\n", lines) + "\n");
        }
    }

    /**
     * Puts the final current file into archives/ under the same name, replacing an older one. A hard link when the
     * file system allows it (no second write of several hundred megabytes; safe because history files are never
     * modified in place, only replaced by rename), else a byte copy. Either way it appears by an atomic rename.
     */
    static void archiveCopy(Path current, Path archives) throws IOException {
        Files.createDirectories(archives);
        Path target = archives.resolve(current.getFileName());
        if (Files.exists(target) && Files.isSameFile(current, target)) {
            return; // already linked by the interrupted merge being finished
        }
        Path temporary = temporaryOf(target);
        Files.deleteIfExists(temporary);
        try {
            Files.createLink(temporary, current);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(current, temporary, StandardCopyOption.REPLACE_EXISTING);
            JsonArrayFiles.syncFile(temporary);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * What a merge is about to commit, written before the new file is written (see {@link OfferHistory}); for an undo
     * ({@code undo=true}), {@code next} is the earlier file that becomes current again.
     */
    record Journal(String previous, String next, boolean undo) {

        static Journal read(Path file) throws IOException {
            Properties properties = new Properties();
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String previous = properties.getProperty("previous", "");
            String next = properties.getProperty("next", "");
            if (!isCurrentName(next) || !(previous.isEmpty() || isCurrentName(previous))) {
                throw new IOException(file + ": expected previous=<history file name or nothing> and next=<history file name>, found "
                        + properties + "; it records an interrupted merge: check the history files by hand, then delete it");
            }
            return new Journal(previous, next, Boolean.parseBoolean(properties.getProperty("undo", "false")));
        }

        void write(Path file) throws IOException {
            writeAtomically(file, "previous=" + previous + "\nnext=" + next + "\n" + (undo ? "undo=true\n" : ""));
        }
    }
}
