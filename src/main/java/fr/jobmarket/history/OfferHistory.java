package fr.jobmarket.history;

import fr.jobmarket.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import static fr.jobmarket.history.HistoryFiles.ARCHIVES;
import static fr.jobmarket.history.HistoryFiles.HISTORY_CSV;
import static fr.jobmarket.history.HistoryFiles.IDS_FILE;
import static fr.jobmarket.history.HistoryFiles.JOURNAL;

/**
 * The cumulative JSON history of every offer ever seen (reference.md section 4), in {@code <data dir>/history}.
 *
 * <p>Crash safety. A merge changes several files, and no file system renames several files at once. Step order:
 * <ol>
 *   <li>write {@code .merge-journal} (previous and next file names);</li>
 *   <li>write the new file under {@code .<name>.tmp}, force it to disk;</li>
 *   <li>rename it to its final name: the commit point;</li>
 *   <li>archive copy, offer-id file, history CSV line, move the previous file to archives/, delete the journal.</li>
 * </ol>
 * Moving the previous file away before the commit would leave, for a while, no current file at all, and the next
 * run would start the history again at occurrence 1; so between steps 3 and 4 both files are on disk. The journal
 * is what tells this crash state apart from two files put there by hand: {@link #currentFile()} first finishes or
 * undoes an interrupted merge. Journal present and next file present: the merge committed, step 4 (each part
 * idempotent) is redone and the higher occurrence wins. Journal present, next file absent: the merge did not
 * commit, the journal and the temporary file are deleted and the previous file stays current. Without a journal,
 * two current files are an error for a person to settle. Every file, side files included, is written to a
 * temporary name, forced and renamed, so a reader sees whole files only; leftover {@code .*.tmp} files are deleted.
 *
 * <p>Memory: the files are streamed one offer at a time ({@link MergePass}); only the batch's id set, the first-write
 * dates of the offers in both files and the list of ids (for offers_ids.txt) are held.
 */
public final class OfferHistory {

    private static final Logger LOG = LoggerFactory.getLogger(OfferHistory.class);

    /**
     * Contact and agency details are personal data: they never enter the history (issue 4, item 6). They are
     * removed from batch offers; kept offers are copied unchanged (a history written by this service never holds them).
     */
    static final List<String> PERSONAL_DATA = List.of("contact", "agence");
    static final String DATE_EXTRACTION = "dateExtraction";
    static final String DATE_PREMIERE_ECRITURE = "datePremiereEcriture";

    /** Test seam: called after each durable step of a merge, with the step's name. */
    interface StepListener {
        void reached(String step) throws IOException;
    }

    private final Path directory;
    private final Path archives;
    private final StepListener steps;

    public OfferHistory(Path directory) {
        this(directory, step -> { });
    }

    OfferHistory(Path directory, StepListener steps) {
        this.directory = directory.toAbsolutePath().normalize();
        this.archives = this.directory.resolve(ARCHIVES);
        this.steps = steps;
    }

    /** The history of {@code <data dir>/history}. */
    public static OfferHistory of(Settings settings) {
        return new OfferHistory(settings.dataDir().resolve("history"));
    }

    public Path directory() {
        return directory;
    }

    /**
     * The current file, empty before the first extraction. Finishes or undoes an interrupted merge first (see the
     * class comment); fails when the directory holds two current files or another {@code .json} file.
     */
    public Optional<Path> currentFile() throws IOException {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        return locked(this::recoverAndFindCurrent);
    }

    /**
     * Merges the run's batch (a JSON array of enriched offers, each with an {@code id}) into the history: kept
     * offers of the current file (ids absent from the batch, unchanged, in file order), then every batch offer
     * (batch order) with {@code dateExtraction} = extractionDate and {@code datePremiereEcriture} from the
     * current file when present there, else extractionDate. The batch file is left in place.
     */
    public MergeResult merge(Path batchFile, LocalDate extractionDate, LocalDateTime runStart) throws IOException {
        return merge(batchFile, extractionDate, runStart, file -> { });
    }

    /** Work that must succeed before the new history file becomes current (the warehouse load). */
    @FunctionalInterface
    public interface BeforeCommit {
        /** @param completeNewFile the new history, complete and on disk, under its temporary name */
        void run(Path completeNewFile) throws Exception;
    }

    /**
     * As {@link #merge(Path, LocalDate, LocalDateTime)}, running {@code beforeCommit} on the complete new file just
     * before it becomes current: if it fails, the merge is abandoned and the previous file stays current.
     */
    public MergeResult merge(Path batchFile, LocalDate extractionDate, LocalDateTime runStart, BeforeCommit beforeCommit)
            throws IOException {
        try (PendingMerge pending = prepare(batchFile, extractionDate, runStart)) {
            try {
                beforeCommit.run(pending.newFile());
            } catch (Exception e) {
                throw pending.abandoned(e);
            }
            return pending.commit();
        }
    }

    /**
     * Steps 1 and 2 of the class comment: the new file complete on disk under its temporary name, not yet current.
     * The history stays locked until the returned merge is committed or closed: the harvest route loads the
     * warehouse from {@link PendingMerge#newFile()} in between, so a harvest whose load fails changes neither the
     * history nor the warehouse.
     */
    public PendingMerge prepare(Path batchFile, LocalDate extractionDate, LocalDateTime runStart) throws IOException {
        Files.createDirectories(directory);
        Lock lock = Lock.acquire(directory);
        try {
            return prepare(lock, recoverAndFindCurrent(), batchFile, extractionDate, runStart);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private PendingMerge prepare(Lock lock, Optional<Path> previous, Path batchFile, LocalDate extractionDate,
                                 LocalDateTime runStart) throws IOException {
        long start = System.nanoTime();
        MergePass pass = MergePass.forBatch(batchFile, extractionDate.toString());
        int occurrence = previous.map(file -> HistoryFiles.occurrence(file) + 1).orElse(1);
        Path next = directory.resolve(HistoryFiles.currentName(runStart, occurrence));
        Path journal = directory.resolve(JOURNAL);

        new HistoryFiles.Journal(previous.map(file -> file.getFileName().toString()).orElse(""),
                next.getFileName().toString(), false).write(journal);
        JsonArrayFiles.syncDirectory(directory);
        steps.reached("journal-written");
        JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(next);
        PendingMerge pending = new PendingMerge(lock, previous, batchFile, next, occurrence, pass, writer, start);
        try {
            if (previous.isPresent()) {
                pass.copyKeptOffers(previous.get(), writer);
            }
            pending.keptCopied = System.nanoTime();
            steps.reached("kept-offers-written");
            pass.writeBatch(batchFile, extractionDate.toString(), writer);
            pending.batchWritten = System.nanoTime();
            writer.finish();
            steps.reached("new-file-synced");
            return pending;
        } catch (IOException | RuntimeException e) {
            IOException failure = pending.abandoned(e);
            pending.close();
            throw failure;
        }
    }

    /** A merge whose new file is complete but not yet current; holds the history's lock until commit or close. */
    public final class PendingMerge implements AutoCloseable {
        private final Lock lock;
        private final Optional<Path> previous;
        private final Path batchFile;
        private final Path next;
        private final int occurrence;
        private final MergePass pass;
        private final JsonArrayFiles.AtomicWriter writer;
        private final long started;
        private long keptCopied;
        private long batchWritten;
        private boolean ended;

        private PendingMerge(Lock lock, Optional<Path> previous, Path batchFile, Path next, int occurrence, MergePass pass,
                             JsonArrayFiles.AtomicWriter writer, long started) {
            this.lock = lock;
            this.previous = previous;
            this.batchFile = batchFile;
            this.next = next;
            this.occurrence = occurrence;
            this.pass = pass;
            this.writer = writer;
            this.started = started;
        }

        /** The new history, complete and on disk, under its temporary name. */
        public Path newFile() {
            return writer.temporary();
        }

        /** Steps 3 and 4: the new file becomes current, side files follow, the lock is released. */
        public MergeResult commit() throws IOException {
            try {
                writer.commit();
                JsonArrayFiles.syncDirectory(directory);
                steps.reached("new-file-current");
                complete(previous.orElse(null), next, pass.ids(), false);
            } finally {
                ended = true;
                lock.release();
            }
            long total = pass.ids().size();
            long added = total - pass.kept() - pass.updated();
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            long end = System.nanoTime();
            LOG.info("history merge: {} written with {} offers ({} kept, {} updated, {} added) in {} ms "
                            + "(kept offers {} ms, batch offers {} ms, flush, load and side files {} ms)",
                    next.getFileName(), total, pass.kept(), pass.updated(), added, duration.toMillis(),
                    millis(started, keptCopied), millis(keptCopied, batchWritten), millis(batchWritten, end));
            return new MergeResult(next, occurrence, total, pass.kept(), pass.updated(), added, duration);
        }

        /** The error to report when the merge stops before its commit, naming what stays current. */
        IOException abandoned(Exception cause) {
            return new IOException("history merge of " + batchFile + " stopped; "
                    + previous.map(file -> file + " is still the current file and was not modified")
                    .orElse("there is still no history file") + ": " + cause.getMessage(), cause);
        }

        /** Without commit: the temporary file and the journal are deleted, the previous file stays current. */
        @Override
        public void close() throws IOException {
            if (ended) {
                return;
            }
            ended = true;
            try {
                writer.close();
                Files.deleteIfExists(directory.resolve(JOURNAL));
            } finally {
                lock.release();
            }
        }
    }

    /**
     * Undo of the run whose merge made {@code undone} current: {@code restored}, the file that was current before it
     * (every file that was ever current is kept in archives/), becomes current again when the returned restore is
     * committed. The history stays locked until then or until it is closed, so the warehouse can be reloaded from
     * {@link PendingRestore#file()} in between. An undo that was interrupted after its commit finds the restored file
     * already current: its commit then does nothing.
     *
     * @throws IOException when the current file is neither of the two, or the restored file is not in archives/
     */
    public PendingRestore prepareRestore(String undone, String restored) throws IOException {
        Lock lock = Lock.acquire(directory);
        try {
            Optional<Path> current = recoverAndFindCurrent();
            String currentName = current.map(file -> file.getFileName().toString()).orElse("none");
            Path archived = archives.resolve(restored);
            if (!HistoryFiles.isCurrentName(restored) || !Files.isRegularFile(archived)) {
                throw new IOException("cannot restore the history file " + restored + ": it is not in " + archives);
            }
            if (!currentName.equals(undone) && !currentName.equals(restored)) {
                throw new IOException("the current history file is " + currentName + ", not " + undone
                        + " (the file of the run to undo) nor " + restored + ": nothing was changed");
            }
            return new PendingRestore(lock, current.filter(file -> currentName.equals(undone)).orElse(null), archived);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** An undo whose restored file is known but not yet current; holds the history's lock until commit or close. */
    public final class PendingRestore implements AutoCloseable {
        private final Lock lock;
        /** The undone file, null when the restored file is already current. */
        private final Path undone;
        private final Path archived;

        private PendingRestore(Lock lock, Path undone, Path archived) {
            this.lock = lock;
            this.undone = undone;
            this.archived = archived;
        }

        /** The restored history (its copy in archives/), for the warehouse reload. */
        public Path file() {
            return archived;
        }

        /**
         * The restored file becomes current (a link from archives/, the commit point), the offer-id file follows, the
         * undone file's line leaves the history CSV, the undone file leaves the directory (it stays in archives/).
         */
        public Path commit() throws IOException {
            try {
                Path restored = directory.resolve(archived.getFileName());
                if (undone != null) {
                    new HistoryFiles.Journal(undone.getFileName().toString(), restored.getFileName().toString(), true)
                            .write(directory.resolve(JOURNAL));
                    JsonArrayFiles.syncDirectory(directory);
                    HistoryFiles.archiveCopy(archived, directory);
                    JsonArrayFiles.syncDirectory(directory);
                    complete(undone, restored, ids(restored), true);
                    LOG.info("history: {} is current again, {} is undone (kept in {}/)", restored.getFileName(),
                            undone.getFileName(), ARCHIVES);
                }
                return restored;
            } finally {
                lock.release();
            }
        }

        /** Without commit: nothing was changed; the lock is released. */
        @Override
        public void close() throws IOException {
            lock.release();
        }
    }

    /**
     * Step 4 of the class comment; each part can be redone after a crash without changing the result. For an undo,
     * {@code next} is the restored file (already in archives/) and the undone file's line leaves the history CSV.
     */
    private void complete(Path previous, Path next, List<String> ids, boolean undo) throws IOException {
        HistoryFiles.archiveCopy(next, archives);
        steps.reached("archive-copied");
        HistoryFiles.writeIds(directory.resolve(IDS_FILE), ids);
        steps.reached("ids-written");
        if (undo) {
            HistoryFiles.removeHistoryLine(directory.resolve(HISTORY_CSV), previous.getFileName().toString());
        } else {
            HistoryFiles.appendHistoryLine(directory.resolve(HISTORY_CSV), next.getFileName().toString(), ids.size());
        }
        steps.reached("history-line-appended");
        if (previous != null && Files.exists(previous)) {
            Path archived = archives.resolve(previous.getFileName());
            if (Files.exists(archived) && Files.isSameFile(previous, archived)) {
                // The archive copy of the last run is a hard link to this very file, and rename(2) between two
                // links of one file does nothing: dropping the name here is the move.
                Files.delete(previous);
            } else {
                Files.move(previous, archived, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        JsonArrayFiles.syncDirectory(archives);
        JsonArrayFiles.syncDirectory(directory);
        steps.reached("previous-archived");
        Files.delete(directory.resolve(JOURNAL));
        JsonArrayFiles.syncDirectory(directory);
    }

    private Optional<Path> recoverAndFindCurrent() throws IOException {
        deleteTemporaries(directory);
        deleteTemporaries(archives);
        Path journalFile = directory.resolve(JOURNAL);
        if (Files.exists(journalFile)) {
            recover(HistoryFiles.Journal.read(journalFile));
        }
        List<Path> current = new ArrayList<>();
        for (Path file : HistoryFiles.filesIn(directory)) {
            String name = file.getFileName().toString();
            if (HistoryFiles.isCurrentName(name)) {
                current.add(file);
            } else if (name.endsWith(".json")) {
                throw new IOException("unexpected file " + file + ": the history directory holds only "
                        + "<YYYY-MM-DD--HHhMM>__extraction_occurence_<N>.json; move it out before the next run");
            }
        }
        if (current.size() > 1) {
            throw new IOException("expected at most one current history file in " + directory + ", found "
                    + current.stream().map(file -> file.getFileName().toString()).toList()
                    + "; no interrupted merge is recorded (" + JOURNAL + "), so they were not left by a crash: "
                    + "keep the right one and move the others to " + ARCHIVES + "/");
        }
        return current.stream().findFirst();
    }

    private void recover(HistoryFiles.Journal journal) throws IOException {
        Path next = directory.resolve(journal.next());
        Path previous = journal.previous().isEmpty() ? null : directory.resolve(journal.previous());
        if (Files.exists(next)) {
            // The rename is the last write of the new file, so it is complete; reading it checks that once more.
            List<String> ids = ids(next);
            LOG.warn("history: finishing the {} interrupted after {} became current ({} offers)",
                    journal.undo() ? "undo" : "merge", next.getFileName(), ids.size());
            complete(previous, next, ids, journal.undo());
        } else if (previous != null && !Files.exists(previous)) {
            throw new IOException(directory.resolve(JOURNAL) + " records a merge of " + journal.previous() + " into "
                    + journal.next() + " but neither file is in " + directory + "; restore the latest file from "
                    + ARCHIVES + "/ and delete the journal");
        } else {
            LOG.warn("history: undoing the merge interrupted before {} was complete; {} stays current",
                    journal.next(), previous == null ? "no file" : previous.getFileName());
            Files.delete(directory.resolve(JOURNAL));
            JsonArrayFiles.syncDirectory(directory);
        }
    }

    /** The offer ids of a history file, in file order. */
    private static List<String> ids(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        JsonArrayFiles.forEachSpan(file, List.of("id"), (index, start, end, values) -> {
            String id = values[0];
            if (id == null) {
                throw new IOException(file + ": expected an id in every offer, offer #" + index + " has none");
            }
            ids.add(id);
        });
        return ids;
    }

    private static void deleteTemporaries(Path directory) throws IOException {
        for (Path file : HistoryFiles.filesIn(directory)) {
            if (HistoryFiles.isTemporary(file.getFileName().toString())) {
                LOG.warn("history: deleting {}, left by an interrupted write", file);
                Files.delete(file);
            }
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private interface IoAction<T> {
        T run() throws IOException;
    }

    private <T> T locked(IoAction<T> action) throws IOException {
        Lock lock = Lock.acquire(directory);
        try {
            return action.run();
        } finally {
            lock.release();
        }
    }

    /**
     * One merge at a time per directory: a semaphore inside this JVM (a merge may be committed by another thread
     * than the one that prepared it), the file lock against other processes.
     */
    private static final class Lock {
        private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();

        private final Semaphore semaphore;
        private final FileChannel channel;
        private final FileLock fileLock;
        private boolean released;

        private Lock(Semaphore semaphore, FileChannel channel, FileLock fileLock) {
            this.semaphore = semaphore;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        static Lock acquire(Path directory) throws IOException {
            Semaphore semaphore = IN_PROCESS.computeIfAbsent(directory, key -> new Semaphore(1));
            semaphore.acquireUninterruptibly();
            FileChannel channel = null;
            try {
                Files.createDirectories(directory);
                channel = FileChannel.open(directory.resolve(HistoryFiles.LOCK), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock fileLock = channel.tryLock();
                if (fileLock == null) {
                    throw new IOException("another process is merging into " + directory + " (it holds "
                            + HistoryFiles.LOCK + "); try again when it has finished");
                }
                return new Lock(semaphore, channel, fileLock);
            } catch (IOException | RuntimeException e) {
                if (channel != null) {
                    channel.close();
                }
                semaphore.release();
                throw e;
            }
        }

        synchronized void release() throws IOException {
            if (released) {
                return;
            }
            released = true;
            try {
                fileLock.release();
                channel.close();
            } finally {
                semaphore.release();
            }
        }
    }
}
