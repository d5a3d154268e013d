package fr.jobmarket.harvest.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.GeoReference;
import fr.jobmarket.geo.MetropolitanFilter;
import fr.jobmarket.harvest.OfferBatch;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.history.MergeResult;
import fr.jobmarket.history.OfferHistory;
import fr.jobmarket.history.bench.HeapWatch;
import fr.jobmarket.sandbox.SyntheticOffers;
import fr.jobmarket.support.ProcessRoutes;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Transform and merge of one harvest (issue 4, item 10).
 *
 * <p>{@code generate <dir>} writes, once, under {@code <dir>/seed}: the raw appellation files of a sandbox harvest
 * of {@value #RAW_OFFERS} distinct synthetic offers ({@code raw/}, duplicates across appellations, overseas and
 * Corsican offers, every location case); the reverse-geocoder answers for their coordinates
 * ({@code geocoder.tsv}); and a {@value #HISTORY_OFFERS}-offer history ({@code history/}) built by the pipeline
 * itself from other synthetic offers, two thirds of the raw files' offers among them (their ids come back, their
 * content differs), passed through the process routes ({@link ProcessRoutes}) and {@link OfferHistory#merge}.
 *
 * <p>{@code run <dir>} times, in this JVM, the process route over the raw files (dedupe, metropolitan filter,
 * location enrichment with the in-memory {@link MapGeocoder}, dates) and then {@link OfferHistory#merge} of that
 * batch into a copy of the seed history, in {@code <dir>/run}, and prints each stage's wall time, CPU time and heap
 * figures; twice, as the service's first harvest after a start and as a later one.
 */
public final class PipelineBenchmark {

    /** Distinct offers of the harvest: about 30,000 are left after the dedupe and the metropolitan filter. */
    static final int RAW_OFFERS = 31_000;
    static final int HISTORY_OFFERS = 120_000;
    /** Offers numbered below {@link #RAW_OFFERS} are also in the history unless their number is a multiple of this. */
    static final int NOT_IN_HISTORY_EVERY = 3;
    static final LocalDateTime HISTORY_RUN = LocalDateTime.parse("2025-01-01T21:30");
    static final LocalDateTime BENCH_RUN = LocalDateTime.parse("2025-01-02T21:30");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("generate") || args[0].equals("run"))) {
            System.err.println("usage: PipelineBenchmark generate|run <work dir>");
            System.exit(2);
        }
        Path seed = Path.of(args[1]).resolve("seed");
        if (args[0].equals("generate")) {
            generate(seed);
        } else {
            run(seed, Path.of(args[1]).resolve("run"));
        }
    }

    private static void generate(Path seed) throws Exception {
        Path ready = seed.resolve("READY");
        if (Files.exists(ready)) {
            System.out.println("seed data already in " + seed);
            return;
        }
        HeapWatch.deleteTree(seed);
        long start = System.nanoTime();
        List<Path> rawFiles = new SandboxRawFiles(new SyntheticOffers(RAW_OFFERS)).write(seed.resolve("raw"));

        // The history's own harvest: a wider data set, so offer numbers above RAW_OFFERS are offers the batch lacks.
        SandboxRawFiles historySource = new SandboxRawFiles(new SyntheticOffers(RAW_OFFERS + HISTORY_OFFERS));
        Path historyRaw = seed.resolve("history-raw.json");
        MetropolitanFilter filter = new MetropolitanFilter();
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(historyRaw)) {
            for (int index = 0; writer.count() < HISTORY_OFFERS; index++) {
                if (index < RAW_OFFERS && index % NOT_IN_HISTORY_EVERY == 0) {
                    continue;
                }
                ObjectNode offer = historySource.api().offers().offer(index);
                if (filter.keeps(offer)) {
                    writer.write(offer);
                }
            }
            writer.commit();
        }
        Path tsv = seed.resolve("geocoder.tsv");
        List<Path> everyRawFile = new ArrayList<>(rawFiles);
        everyRawFile.add(historyRaw);
        int points = MapGeocoder.write(everyRawFile, historySource.api(), tsv);

        Path historyBatch = seed.resolve("history-batch.json");
        try (ProcessRoutes routes = ProcessRoutes.start(GeoReference.load(), MapGeocoder.read(tsv))) {
            routes.run(List.of(historyRaw), HISTORY_RUN.toLocalDate(), historyBatch);
        }
        MergeResult history = new OfferHistory(seed.resolve("history")).merge(historyBatch, HISTORY_RUN.toLocalDate(), HISTORY_RUN);
        Files.delete(historyRaw);
        Files.delete(historyBatch);
        Files.writeString(ready, history.file().getFileName() + "\n");
        System.out.printf("generated %d raw files (%,d MB), %,d geocoder points and a history of %,d offers (%,d MB) in %,d ms%n",
                rawFiles.size(), bytes(rawFiles) >> 20, points, history.totalOffers(), Files.size(history.file()) >> 20,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static void run(Path seed, Path run) throws Exception {
        long setUp = System.nanoTime();
        ProcessRoutes routes = ProcessRoutes.start(GeoReference.load(), MapGeocoder.read(seed.resolve("geocoder.tsv")));
        System.out.printf("set-up (geographic reference, geocoder map, process routes), not timed below: %,d ms%n", millis(setUp));
        // The service is long-running: its first harvest runs code the JIT has not compiled yet, every later one
        // runs compiled code (and finds its points in the geocoder cache). Both are timed, in this order.
        round("first run of the JVM", seed, run, routes);
        round("second run, same JVM", seed, run, routes);
    }

    private static void round(String label, Path seed, Path run, ProcessRoutes routes) throws Exception {
        String historyName = Files.readString(seed.resolve("READY")).strip();
        HeapWatch.deleteTree(run);
        Path history = Files.createDirectories(run.resolve("history"));
        Files.createLink(history.resolve(historyName), seed.resolve("history").resolve(historyName));
        List<Path> rawFiles = SandboxRawFiles.rawFiles(seed.resolve("raw"));
        HeapWatch heap = new HeapWatch();

        heap.restart();
        long started = System.nanoTime();
        long cpu = cpuNanos();
        OfferBatch.Result batch = routes.run(rawFiles, BENCH_RUN.toLocalDate(), run.resolve("work").resolve("batch.json"));
        long transformMillis = millis(started);
        long transformCpuMillis = (cpuNanos() - cpu) / 1_000_000;
        long transformPeak = heap.peakUsedBytes();
        long transformLive = heap.largestLiveBytes();

        heap.restart();
        started = System.nanoTime();
        cpu = cpuNanos();
        MergeResult merged = new OfferHistory(history).merge(batch.file(), BENCH_RUN.toLocalDate(), BENCH_RUN);
        long mergeMillis = millis(started);
        long mergeCpuMillis = (cpuNanos() - cpu) / 1_000_000;

        System.out.printf("%n%s%n", label);
        System.out.printf("transform: %,d raw files (%,d MB), %s, dropped %s -> batch of %,d offers (%,d MB)%n",
                rawFiles.size(), bytes(rawFiles) >> 20, batch.counts().get("read") + " read", batch.dropped(),
                batch.counts().get("kept"), Files.size(batch.file()) >> 20);
        System.out.printf("merge: into %,d offers -> %s with %,d offers (%,d kept, %,d updated, %,d added), %,d MB%n",
                merged.kept() + merged.updated(), merged.file().getFileName(),
                merged.totalOffers(), merged.kept(), merged.updated(), merged.added(), Files.size(merged.file()) >> 20);
        System.out.printf("%-34s %9s %9s %16s %16s%n", "stage (max heap " + (HeapWatch.maxHeapBytes() >> 20) + " MB)",
                "wall", "main cpu", "peak heap used", "live after GC");
        row("transform (process route)", transformMillis, transformCpuMillis, transformPeak, transformLive);
        row("merge (OfferHistory.merge)", mergeMillis, mergeCpuMillis, heap.peakUsedBytes(), heap.largestLiveBytes());
        System.out.printf("%-34s %,6d ms %,6d ms%n", "transform + merge", transformMillis + mergeMillis,
                transformCpuMillis + mergeCpuMillis);
    }

    private static void row(String stage, long millis, long cpuMillis, long peakBytes, long liveBytes) {
        System.out.printf("%-34s %,6d ms %,6d ms %,13d MB %,13d MB%n", stage, millis, cpuMillis, peakBytes >> 20,
                liveBytes >> 20);
    }

    /**
     * CPU time of this thread, where both stages do their work (the writer's flushes run beside it): unlike the
     * wall time, it hardly depends on what else the shared machine runs.
     */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long bytes(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }
}
