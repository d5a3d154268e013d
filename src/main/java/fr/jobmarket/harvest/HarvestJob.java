package fr.jobmarket.harvest;

import fr.jobmarket.config.Settings;
import fr.jobmarket.francetravail.Appellation;
import fr.jobmarket.francetravail.AppellationResult;
import fr.jobmarket.francetravail.Appellations;
import fr.jobmarket.francetravail.HarvestCounters;
import fr.jobmarket.history.OfferHistory;
import fr.jobmarket.history.MergeResult;
import fr.jobmarket.metrics.BusinessMetrics;
import fr.jobmarket.warehouse.LoadReport;
import fr.jobmarket.warehouse.WarehouseFigures;
import org.apache.camel.Body;
import org.apache.camel.CamelException;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The stages of one harvest, called in order by the {@code harvest} route: France Travail pages to raw
 * files, raw files to this run's batch, batch merged into the JSON history, history loaded into the
 * warehouse. A run either completes or changes nothing downstream: raw pages are collected in
 * {@code raw.partial/} and replace {@code raw/} only when every appellation succeeded, and the history
 * and warehouse stages are each atomic.
 */
public final class HarvestJob {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestJob.class);

    public static final String SCHEDULE = "schedule";
    public static final String ADMIN = "admin";
    public static final String STARTUP = "startup";
    public static final String REPLAY = "replay";
    /** Exchange property holding the {@link HarvestRun} in progress. */
    public static final String RUN = "harvestRun";

    private final Settings settings;
    private final HarvestCounters counters;
    private final OfferHistory history;
    private final BusinessMetrics metrics;
    private final WarehouseFigures warehouseFigures;
    private final AtomicReference<HarvestRun> current = new AtomicReference<>();

    public HarvestJob(Settings settings, HarvestCounters counters,
                      OfferHistory history, BusinessMetrics metrics, WarehouseFigures warehouseFigures) {
        this.settings = settings;
        this.counters = counters;
        this.history = history;
        this.metrics = metrics;
        this.warehouseFigures = warehouseFigures;
    }

    /**
     * First step of a trigger, before the run is recorded: the headers the insert and {@link #begin} read,
     * {@code extraction_date} (a refused date is a {@link RefusedDate}) and {@code appellations} (a bad appellation
     * file fails here, before any run is recorded).
     *
     * @param extractionDate {@code YYYY-MM-DD}, or empty for today in the harvest time zone
     */
    public void prepare(@Header("extractionDate") String extractionDate, Message message) {
        message.setHeader("extraction_date", parseExtractionDate(extractionDate));
        message.setHeader("appellations", Appellations.load(settings));
    }

    /** After sql/harvest/expire-lost-runs.sql: each run it closed because its instance stopped renewing its lease. */
    public void lostRuns(@Header("lost_runs") List<Map<String, Object>> lost) {
        if (lost == null) {
            return;
        }
        for (Map<String, Object> run : lost) {
            LOG.warn("Harvest run {} of {} was left by an instance that is gone (no heartbeat for more than {} s): marked {}",
                    run.get("id"), run.get("instance"), settings.text("jobmarket.harvest.lease-seconds"), run.get("status"));
        }
    }

    /** The id of the run in progress, whose lease the route harvest-heartbeat renews; null when none. */
    public Long currentRunId() {
        HarvestRun run = current.get();
        return run == null ? null : run.id();
    }

    /** The run the trigger recorded (sql/harvest/insert-run.sql gave its id), as the harvest route carries it. */
    public HarvestRun begin(@Header("run_id") long id, @Header("trigger") String trigger,
                            @Header("extraction_date") LocalDate extractionDate,
                            @Header("appellations") List<Appellation> appellations) {
        LocalDateTime startedAt = ZonedDateTime.now(settings.harvestTimeZone()).toLocalDateTime();
        HarvestRun run = new HarvestRun(id, trigger, extractionDate, startedAt, appellations);
        current.set(run);
        return run;
    }

    /**
     * Today in the harvest time zone, or the given date. A date earlier than the latest extraction already
     * loaded is refused: the merge would stamp every offer seen again with a date older than its first write,
     * and the warehouse would skip them as already loaded. Backfills go forward only, and never past tomorrow.
     */
    LocalDate parseExtractionDate(String text) {
        LocalDate date;
        if (text == null || text.isBlank()) {
            date = LocalDate.now(settings.harvestTimeZone());
        } else {
            try {
                date = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new RefusedDate("expected a date YYYY-MM-DD, received '" + text + "'");
            }
        }
        // a date far ahead (a typo) would refuse every later trigger as "earlier than the latest extraction"
        LocalDate tomorrow = LocalDate.now(settings.harvestTimeZone()).plusDays(1);
        if (date.isAfter(tomorrow)) {
            throw new RefusedDate("the date " + date + " is after tomorrow (" + tomorrow + " in "
                    + settings.harvestTimeZone() + "): extraction dates are today's, or a day ahead at most");
        }
        LocalDate latest = warehouseFigures.latestExtraction();
        if (latest != null && date.isBefore(latest)) {
            throw new RefusedDate("the date " + date + " is earlier than the latest extraction already"
                    + " loaded, " + latest + ": extraction dates only go forward");
        }
        return date;
    }

    /**
     * The service is stopping (SIGTERM, Ctrl-C): the run in progress ends at its next cancellation point
     * ({@link RunContext#checkNotStopping}) and is recorded FAILED as interrupted.
     */
    public void stopping() {
        HarvestRun run = current.get();
        if (run != null) {
            MDC.put("run.id", Long.toString(run.id()));
            try {
                LOG.warn("The service is stopping: harvest run {} is cancelled", run.id());
            } finally {
                MDC.remove("run.id");
            }
        }
    }

    /** An extraction date a trigger may not use; the message says why (the API's 400). */
    public static final class RefusedDate extends IllegalArgumentException {
        RefusedDate(String message) {
            super(message);
        }
    }

    /** First stage: announce the run and prepare an empty {@code raw.partial/} directory. */
    public void start(@ExchangeProperty(RUN) HarvestRun run) throws IOException {
        MDC.put("run.id", Long.toString(run.id()));
        metrics.runStarted();
        LOG.info("Harvest started: trigger {}, extraction date {}, {} appellations, {} mode{}", run.trigger(),
                run.extractionDate(), run.appellationCount(), settings.liveMode() ? "live" : "SANDBOX (synthetic data)",
                run.replay() ? ", replaying the raw files of the previous harvest" : "");
        if (!run.replay()) {
            counters.reset();
            deleteTree(partialRawDirectory());
            Files.createDirectories(partialRawDirectory());
        } else if (!Files.isDirectory(rawDirectory())) {
            throw new IllegalStateException("Nothing to replay: " + rawDirectory() + " does not exist");
        }
    }

    /** An appellation's paging starts on a worker thread of the split: its log lines carry the run id. */
    public void appellationStarted(@ExchangeProperty(RUN) HarvestRun run) {
        MDC.put("run.id", Long.toString(run.id()));
    }

    /** An appellation's raw file is written: counted for progress lines and metrics. */
    public AppellationResult appellationDone(@Body AppellationResult result, @ExchangeProperty(RUN) HarvestRun run) {
        run.appellationDone();
        metrics.appellation(result.appellation().code(), result.announcedTotal(), result.offersCollected());
        MDC.remove("run.id");
        return result;
    }

    /** All appellations succeeded: their raw files replace the previous ones. */
    public void harvested(@Body List<AppellationResult> results, @ExchangeProperty(RUN) HarvestRun run) throws IOException {
        // after the parallel split this runs on a worker thread: the run id goes back on its log lines
        MDC.put("run.id", Long.toString(run.id()));
        run.pagingDone();
        Path raw = rawDirectory();
        Path old = raw.resolveSibling("raw.old");
        deleteTree(old);
        if (Files.exists(raw)) {
            Files.move(raw, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partialRawDirectory(), raw, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);

        long announced = 0;
        long collected = 0;
        long requests = 0;
        long retries = 0;
        Map<String, Object> perAppellation = new LinkedHashMap<>();
        for (AppellationResult result : results) {
            announced += result.announcedTotal();
            collected += result.offersCollected();
            requests += result.requests();
            retries += result.retries();
            perAppellation.put(result.appellation().code(),
                    Map.of("announced", result.announcedTotal(), "collected", result.offersCollected()));
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("appellations", results.size());
        counts.put("announced", announced);
        counts.put("collected", collected);
        counts.put("requests", requests);
        counts.put("retries", retries);
        counts.put("seconds", elapsedSeconds(run));
        counts.put("per_appellation", perAppellation);
        record(run, "harvest", counts);
        LOG.info("Harvest stage done: {} appellations, {} offers announced, {} collected, {} requests, {} retries in {} s",
                results.size(), announced, collected, requests, retries, elapsedSeconds(run));
    }

    /** Where the process stage writes this run's batch. */
    public Path batchFile() {
        return settings.dataDir().resolve("work").resolve("batch.json");
    }

    /** The process stage is done: its counts go to the run record and the metrics. */
    public void processed(@Body OfferBatch.Result result, @ExchangeProperty(RUN) HarvestRun run) {
        MDC.put("run.id", Long.toString(run.id()));
        record(run, "process", result.counts());
        result.dropped().forEach(metrics::dropped);
        metrics.lieuCas(result.locations().perCase());
        long failures = result.locations().geocodingFailures();
        metrics.geocoder("found", result.locations().geocodingRequests() - failures);
        metrics.geocoder("error", failures);
    }

    /**
     * This run's batch merged into the cumulative JSON history: a new occurrence file, complete but not current
     * until {@link OfferHistory.PendingMerge#commit()}, once the warehouse has loaded it.
     */
    public OfferHistory.PendingMerge prepareMerge(@ExchangeProperty("batchFile") Path batchFile,
                                                  @ExchangeProperty(RUN) HarvestRun run) throws IOException {
        return history.prepare(batchFile, run.extractionDate(), run.startedAt());
    }

    /** Without a commit, the new file is deleted and the previous history stays current. */
    public void releaseMerge(@ExchangeProperty("pendingMerge") OfferHistory.PendingMerge pending) throws IOException {
        if (pending != null) {
            pending.close();
        }
    }

    /** History and warehouse stages done: their counts and the warehouse figures for the metrics (the route then refreshes the API). */
    public void merged(@Body MergeResult result, @ExchangeProperty("warehouseReport") LoadReport load,
                       @ExchangeProperty(RUN) HarvestRun run) {
        MDC.put("run.id", Long.toString(run.id()));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("file", result.file().getFileName().toString());
        counts.put("occurrence", result.occurrence());
        counts.put("total", result.totalOffers());
        counts.put("kept", result.kept());
        counts.put("updated", result.updated());
        counts.put("added", result.added());
        counts.put("seconds", (result.duration().toMillis() - load.duration().toMillis()) / 1000.0);
        record(run, "history", counts);
        LOG.info("History stage done: {} ({} offers: {} kept from earlier runs, {} updated, {} new)",
                result.file().getFileName(), result.totalOffers(), result.kept(), result.updated(), result.added());
        record(run, "warehouse", load.asMap());
        load.tables().forEach((table, rows) -> {
            metrics.rows(table, "inserted", rows.inserted());
            metrics.rows(table, "updated", rows.updated());
            metrics.rows(table, "deleted", rows.deleted());
        });
        WarehouseFigures.Offers offers = warehouseFigures.offers();
        metrics.warehouseOffers(offers.byMetierData(), offers.available());
    }

    /** The run's outcome, which the harvest-finish route writes into its record before {@link #succeeded}. */
    public void succeed(@ExchangeProperty(RUN) HarvestRun run) {
        run.count("total_seconds", elapsedSeconds(run));
        run.end(HarvestRuns.Status.SUCCEEDED, null);
    }

    /** After the record says SUCCEEDED: metrics, the log line, the run is no longer current. */
    public void succeeded(@ExchangeProperty(RUN) HarvestRun run) {
        MDC.put("run.id", Long.toString(run.id()));
        metrics.runFinished(true, stageSeconds(run));
        LOG.info("Harvest SUCCEEDED in {} s", elapsedSeconds(run));
        end(run);
    }

    /**
     * A stage failed: metrics, the log line, raw.partial removed, the run is no longer current; then the
     * harvest-finish route writes the outcome into the record (a database that is down leaves the run RUNNING,
     * closed at the next start).
     */
    public void fail(@ExchangeProperty(RUN) HarvestRun run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception error,
                     Exchange exchange) {
        MDC.put("run.id", Long.toString(run.id()));
        // once the service stops, a stage may also fail for that (a closed pool, a stopped endpoint): the stop is the reason
        String message = exchange.getContext().isStopping() ? RunContext.Interrupted.MESSAGE : reason(error);
        run.count("total_seconds", elapsedSeconds(run));
        run.end(HarvestRuns.Status.FAILED, message);
        try {
            metrics.runFinished(false, stageSeconds(run));
        } finally {
            LOG.error("Harvest FAILED after {} s: {} (the JSON history and the warehouse are unchanged)",
                    elapsedSeconds(run), message);
            try {
                deleteTree(partialRawDirectory());
            } catch (IOException e) {
                LOG.warn("Cannot remove {}: {}", partialRawDirectory(), e.getMessage());
            }
            end(run);
        }
    }

    /** The failure's own message, without the wrappers Camel adds as it crosses splits and routes. */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CamelException || cause instanceof RuntimeCamelException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        if (cause == null) {
            return "unknown error";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private void end(HarvestRun run) {
        current.compareAndSet(run, null);
        MDC.remove("run.id");
    }

    /** The run in progress, for progress lines and health. */
    public HarvestRun current() {
        return current.get();
    }

    /** Logged every few seconds by the progress route while a harvest runs. */
    public void logProgress() {
        HarvestRun run = current.get();
        if (run == null || run.replay() || !run.paging()) {
            return;
        }
        MDC.put("run.id", Long.toString(run.id()));
        try {
            LOG.info("Harvest progress: {}/{} appellations, {} requests ({} retries, {} x 429), {} offers,"
                            + " {} requests/s since the previous line",
                    run.appellationsDone(), run.appellationCount(), counters.requests(), counters.retries(),
                    counters.tooManyRequests(), counters.offers(),
                    String.format(java.util.Locale.ROOT, "%.1f", run.currentRate(counters.requests())));
        } finally {
            MDC.remove("run.id");
        }
    }

    /** Seconds of each stage that ran, for {@code jobmarket_harvest_last_duration_seconds}. */
    private static Map<String, Double> stageSeconds(HarvestRun run) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        run.counts().forEach((stage, counts) -> {
            if (counts instanceof Map<?, ?> map && map.get("seconds") instanceof Number number) {
                seconds.put(stage, number.doubleValue());
            }
        });
        seconds.put("total", elapsedSeconds(run));
        return seconds;
    }

    /** The stage's counts go with the run; the harvest-record route writes them into its record after the stage. */
    private static void record(HarvestRun run, String stage, Object counts) {
        run.count(stage, counts);
    }

    /** The raw files of the run, in the appellation file's order: the process stage reads them in this order. */
    public List<Path> rawFiles() throws IOException {
        Path raw = rawDirectory();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(raw)) {
            listing.filter(path -> path.getFileName().toString().endsWith(".json")).forEach(files::add);
        }
        // Deterministic order: the appellation file's order, unknown files last by name.
        List<String> order = Appellations.load(settings).stream().map(a -> a.code() + "_").toList();
        files.sort(Comparator.comparingInt((Path path) -> {
            String name = path.getFileName().toString();
            for (int i = 0; i < order.size(); i++) {
                if (name.startsWith(order.get(i))) {
                    return i;
                }
            }
            return order.size();
        }).thenComparing(Path::toString));
        return files;
    }

    public Path rawDirectory() {
        return settings.dataDir().resolve("raw");
    }

    /** Where this run's raw files go until every appellation succeeded. */
    public Path partialRawDirectory() {
        return settings.dataDir().resolve("raw.partial");
    }

    private static double elapsedSeconds(HarvestRun run) {
        return Duration.between(run.startedInstant(), java.time.Instant.now()).toMillis() / 1000.0;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
