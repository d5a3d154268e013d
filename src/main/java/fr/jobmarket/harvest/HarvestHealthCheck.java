package fr.jobmarket.harvest;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Shows the last harvest in the health details (status, extraction date, age of the last success). It
 * always answers UP: a failed or stale harvest is reported and alerted on, but the data already loaded
 * can still be queried, so it must not make the service unready.
 */
public final class HarvestHealthCheck extends AbstractHealthCheck {

    /** France Travail's licence asks for data refreshed at least every 24 hours; 26 h leaves room for a late run. */
    static final Duration STALE_AFTER = Duration.ofHours(26);

    private final HarvestRuns runs;
    private final String dataSource;

    public HarvestHealthCheck(HarvestRuns runs, boolean liveMode) {
        super("jobmarket", "harvest");
        this.runs = runs;
        this.dataSource = liveMode ? "France Travail, API Offres d'emploi v2" : "synthetic sandbox data (not France Travail)";
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("data_source", dataSource);
        try {
            runs.lastFinished().ifPresentOrElse(run -> {
                builder.detail("last_harvest_id", run.id());
                builder.detail("last_harvest_status", run.status().name());
                builder.detail("last_harvest_extraction_date", run.extractionDate().toString());
                builder.detail("last_harvest_finished_at", run.finishedAt().toString());
            }, () -> builder.detail("last_harvest_status", "NONE"));
            var success = runs.lastSuccessful();
            boolean stale = success.isEmpty()
                    || Duration.between(success.get().finishedAt(), OffsetDateTime.now()).compareTo(STALE_AFTER) > 0;
            success.ifPresent(run -> builder.detail("last_success_age_hours",
                    Duration.between(run.finishedAt(), OffsetDateTime.now()).toMinutes() / 60.0));
            builder.detail("harvest_stale", stale);
            builder.message(stale ? "No successful harvest in the last 26 hours" : "Harvest data is fresh");
        } catch (RuntimeException e) {
            builder.detail("last_harvest_status", "UNKNOWN");
            builder.message("Cannot read the harvest runs: " + e.getMessage());
        }
        builder.up();
    }
}
