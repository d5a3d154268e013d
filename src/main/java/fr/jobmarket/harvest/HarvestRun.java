package fr.jobmarket.harvest;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.jobmarket.francetravail.Appellation;
import fr.jobmarket.history.JsonArrayFiles;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One harvest in progress, carried through the harvest route as an exchange property: its record id,
 * trigger, extraction date, the appellations to page and what each stage reported.
 */
public final class HarvestRun {

    private final long id;
    private final String trigger;
    private final LocalDate extractionDate;
    private final LocalDateTime startedAt;
    private final Instant startedInstant = Instant.now();
    private final boolean replay;
    private final List<Appellation> appellations;
    private final AtomicInteger appellationsDone = new AtomicInteger();
    private final Map<String, Object> counts = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile HarvestRuns.Status status = HarvestRuns.Status.RUNNING;
    private volatile String error;
    private volatile boolean paging = true;
    private volatile long progressRequests;
    private volatile long progressNanos = System.nanoTime();

    public HarvestRun(long id, String trigger, LocalDate extractionDate, LocalDateTime startedAt,
                      List<Appellation> appellations) {
        this.id = id;
        this.trigger = trigger;
        this.extractionDate = extractionDate;
        this.startedAt = startedAt;
        this.replay = HarvestJob.REPLAY.equals(trigger);
        this.appellations = List.copyOf(appellations);
    }

    public long id() {
        return id;
    }

    public String trigger() {
        return trigger;
    }

    public LocalDate extractionDate() {
        return extractionDate;
    }

    /** Local start time in the harvest time zone: it names the history file. */
    public LocalDateTime startedAt() {
        return startedAt;
    }

    public Instant startedInstant() {
        return startedInstant;
    }

    /** A replay re-processes the raw files of the previous harvest without calling the API. */
    public boolean replay() {
        return replay;
    }

    public List<Appellation> appellations() {
        return appellations;
    }

    public int appellationCount() {
        return appellations.size();
    }

    /** One more appellation paged, for progress lines (the results themselves travel with the exchange). */
    public void appellationDone() {
        appellationsDone.incrementAndGet();
    }

    public int appellationsDone() {
        return appellationsDone.get();
    }

    public void count(String stage, Object stageCounts) {
        counts.put(stage, stageCounts);
    }

    public Map<String, Object> counts() {
        synchronized (counts) {
            return new LinkedHashMap<>(counts);
        }
    }

    /** The counts of every stage done so far, as JSON for the run's record (sql/harvest/merge-run-counts.sql). */
    public String countsJson() {
        try {
            return JsonArrayFiles.MAPPER.writeValueAsString(counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the counts of harvest run " + id + ": " + e.getMessage(), e);
        }
    }

    /** How the run ended, for its record (sql/harvest/finish-run.sql). */
    public void end(HarvestRuns.Status outcome, String failure) {
        this.status = outcome;
        this.error = failure;
    }

    /** RUNNING until {@link #end}. */
    public String status() {
        return status.name();
    }

    /** Why the run failed; empty otherwise. */
    public String error() {
        return error == null ? "" : error;
    }

    /** True while the France Travail pages are being read (progress lines are about that stage). */
    public boolean paging() {
        return paging;
    }

    public void pagingDone() {
        paging = false;
    }

    /** Requests per second since the previous progress line. */
    public synchronized double currentRate(long requests) {
        long now = System.nanoTime();
        double seconds = Math.max(0.001, (now - progressNanos) / 1e9);
        double rate = (requests - progressRequests) / seconds;
        progressRequests = requests;
        progressNanos = now;
        return rate;
    }

}
