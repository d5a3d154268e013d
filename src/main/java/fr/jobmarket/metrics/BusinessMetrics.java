package fr.jobmarket.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The product's own Prometheus metrics ({@code jobmarket_*}), served with Camel's and the JVM's at
 * {@code /observe/metrics}. Every label takes a value from a fixed list, and every series of those lists is
 * registered here at construction with a zero value, so dashboards and alerts see them before any harvest.
 * The pipeline calls the methods below; a label value outside its list is logged and ignored (a metric never
 * breaks a harvest), except drop reasons, which are counted under {@code other}.
 * <p>
 * The application binds one instance in the Camel registry as {@value #BEAN_NAME}
 * ({@link #from(CamelContext)}, or {@code bean: {ref: businessMetrics, method: retry}} in a route).
 */
public final class BusinessMetrics {

    public static final String BEAN_NAME = "businessMetrics";

    public static final List<String> STAGES = List.of("harvest", "process", "history", "warehouse", "total");
    public static final List<String> API_STATUSES = List.of("200", "204", "206", "400", "401", "429", "5xx", "other", "error");
    public static final List<String> DROP_REASONS = List.of("label_overseas", "label_corsica", "commune_overseas",
            "commune_corsica", "postal_code_overseas", "postal_code_corsica", "coordinates_outside_mainland", "duplicate",
            "without_id", "other");
    public static final List<String> LIEU_CAS = List.of("cas_1", "cas_2", "cas_3", "cas_4", "cas_5");
    public static final List<String> GEOCODER_OUTCOMES = List.of("found", "not_found", "error", "cached");
    /** The 19 tables of V1__warehouse.sql. */
    public static final List<String> TABLES = List.of("offreemploi", "contrat", "entreprise", "localisation",
            "descriptionoffre", "competence", "offre_competence", "experience", "offre_experience", "formation",
            "offre_formation", "qualiteprofessionnelle", "offre_qualiteprofessionnelle", "qualification",
            "offre_qualification", "langue", "offre_langue", "permisconduire", "offre_permisconduire");
    public static final List<String> ROW_OPERATIONS = List.of("inserted", "updated", "deleted");
    public static final List<String> METIER_DATA = List.of("DE", "DA", "DS", "none");
    /** The endpoints of the api-query route template (routes/api.camel.yaml), also those api-refresh warms up. */
    public static final List<String> API_QUERIES = List.of("total-offres", "plusieurs-offres", "liste-offres",
            "classement-region", "classement-departement", "classement-ville", "offres-par-metier",
            "offres-par-jour-creation", "mots-cles", "competences", "experiences", "qualites-professionnelles",
            "qualifications", "formations", "permis-conduire", "langues", "salaires", "salaires-tranches", "tendances");
    /** cached: kept answer; shared: waited for the same answer computed by a concurrent request; computed: computed for it. */
    public static final List<String> API_ANSWER_OUTCOMES = List.of("cached", "shared", "computed");
    /** Where a computed answer came from: the in-memory index or its SQL statement. */
    public static final List<String> API_ANSWER_SOURCES = List.of("index", "sql");
    /** The harvest list has 61 appellations; more distinct codes would mean a label gone unbounded. */
    public static final int MAX_APPELLATIONS = 61;

    private static final Logger LOG = LoggerFactory.getLogger(BusinessMetrics.class);

    private final MeterRegistry registry;
    private final Clock clock;

    private final Map<String, Counter> runs = new LinkedHashMap<>();
    private final Value running = new Value();
    private final Value lastSuccess = new Value();
    private final Map<String, Value> stageSeconds = new LinkedHashMap<>();
    private final Map<String, Counter> apiRequests = new LinkedHashMap<>();
    private final Counter retries;
    private final Map<String, Value[]> appellations = new ConcurrentHashMap<>();
    private final Map<String, Counter> dropped = new LinkedHashMap<>();
    private final Map<String, Value> lieuCas = new LinkedHashMap<>();
    private final Map<String, Counter> geocoder = new LinkedHashMap<>();
    private final Map<String, Counter> rows = new LinkedHashMap<>();
    private final Map<String, Value> warehouseOffers = new LinkedHashMap<>();
    private final Value offersAvailable = new Value();
    private final Map<String, Counter> apiAnswers = new LinkedHashMap<>();
    private final Map<String, Timer> apiComputes = new LinkedHashMap<>();
    private final Value apiIndexOffers = new Value();
    private final Value apiIndexSeconds = new Value();
    private final Value apiWarmUpSeconds = new Value();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    public BusinessMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    public BusinessMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        for (String status : List.of("succeeded", "failed")) {
            runs.put(status, counter("jobmarket.harvest.runs", "Harvest runs by outcome", "status", status));
        }
        gauge("jobmarket.harvest.running", "1 while a harvest runs, else 0", running);
        gauge("jobmarket.harvest.last.success.timestamp.seconds",
                "Unix time at which the last successful harvest ended (0 = none known)", lastSuccess);
        for (String stage : STAGES) {
            stageSeconds.put(stage, gauge("jobmarket.harvest.last.duration.seconds",
                    "Duration of each stage of the last finished harvest", new Value(), "stage", stage));
        }
        for (String status : API_STATUSES) {
            apiRequests.put(status, counter("jobmarket.francetravail.requests",
                    "Requests to the France Travail API by response status (error = no response)", "status", status));
        }
        retries = counter("jobmarket.francetravail.retries",
                "France Travail requests sent again after a 429, a 5xx or a network error");
        for (String reason : DROP_REASONS) {
            dropped.put(reason, counter("jobmarket.offers.dropped", "Harvested offers left out of the history, by reason",
                    "reason", reason));
        }
        for (String cas : LIEU_CAS) {
            lieuCas.put(cas, gauge("jobmarket.offers.lieu.cas",
                    "Offers of the last run by the way their location was resolved", new Value(), "lieu_cas", cas));
        }
        for (String outcome : GEOCODER_OUTCOMES) {
            geocoder.put(outcome, counter("jobmarket.geocoder.requests",
                    "Reverse-geocoding look-ups by outcome (cached = answered without a request)", "outcome", outcome));
        }
        for (String table : TABLES) {
            for (String operation : ROW_OPERATIONS) {
                rows.put(table + "/" + operation, counter("jobmarket.warehouse.rows",
                        "Warehouse rows written, by table and operation", "table", table, "operation", operation));
            }
        }
        for (String metier : METIER_DATA) {
            warehouseOffers.put(metier, gauge("jobmarket.warehouse.offers",
                    "Offers in the warehouse by data job (none = not a data job)", new Value(), "metier_data", metier));
        }
        gauge("jobmarket.warehouse.offers.available", "Offers of the latest extraction in the warehouse", offersAvailable);
        for (String endpoint : API_QUERIES) {
            for (String outcome : API_ANSWER_OUTCOMES) {
                apiAnswers.put(endpoint + "/" + outcome, counter("jobmarket.api.answers",
                        "Answers of the query endpoints: cached, shared with a concurrent request, or computed", "endpoint", endpoint,
                        "outcome", outcome));
            }
            for (String source : API_ANSWER_SOURCES) {
                apiComputes.put(endpoint + "/" + source, Timer.builder("jobmarket.api.compute")
                        .description("Time to compute an answer that was not cached (waiting for the compute pool included), by source")
                        .tags("endpoint", endpoint, "source", source)
                        .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1))
                        .register(registry));
            }
        }
        gauge("jobmarket.api.index.offers", "Offers in the query API's in-memory index (the snapshot being served)", apiIndexOffers);
        gauge("jobmarket.api.index.build.seconds", "Time the last build of the query API's index took (reading the warehouse)",
                apiIndexSeconds);
        gauge("jobmarket.api.warmup.seconds", "Time the last refresh took to compute the unfiltered answers before serving them",
                apiWarmUpSeconds);
    }

    /** The instance bound in the application's registry. */
    public static BusinessMetrics from(CamelContext context) {
        BusinessMetrics metrics = context.getRegistry().lookupByNameAndType(BEAN_NAME, BusinessMetrics.class);
        if (metrics == null) {
            throw new IllegalStateException("No '" + BEAN_NAME + "' bean in the Camel registry: "
                    + MetricsConfiguration.class.getName() + " binds it when the application starts");
        }
        return metrics;
    }

    /** A harvest starts: {@code jobmarket_harvest_running} = 1. */
    public void runStarted() {
        running.set(1);
    }

    /**
     * A harvest ended. Counts it by outcome, sets the running gauge back to 0, the last success time when it
     * succeeded, and the duration of every stage given (keys from {@link #STAGES}; stages absent keep their value).
     */
    public void runFinished(boolean succeeded, Map<String, Double> stageDurationsSeconds) {
        running.set(0);
        runs.get(succeeded ? "succeeded" : "failed").increment();
        if (succeeded) {
            lastSuccess.set(clock.millis() / 1000.0);
        }
        if (stageDurationsSeconds != null) {
            stageDurationsSeconds.forEach((stage, seconds) -> {
                Value value = known(stageSeconds, stage, "stage");
                if (value != null && seconds != null) {
                    value.set(seconds);
                }
            });
        }
    }

    /** At start-up, the end of the last successful harvest recorded in the database (harvest_run). */
    public void lastSuccess(Instant finishedAt) {
        if (finishedAt != null) {
            lastSuccess.set(finishedAt.toEpochMilli() / 1000.0);
        }
    }

    /** One France Travail response: 200/204/206/400/401/429 each counted as such, 500-599 as 5xx, others as other. */
    public void apiResponse(int status) {
        String label = switch (status) {
            case 200, 204, 206, 400, 401, 429 -> Integer.toString(status);
            default -> status >= 500 && status <= 599 ? "5xx" : "other";
        };
        apiRequests.get(label).increment();
    }

    /** A France Travail request that got no HTTP response (timeout, connection refused...). */
    public void apiError() {
        apiRequests.get("error").increment();
    }

    /** A France Travail request about to be sent again. */
    public void retry() {
        retries.increment();
    }

    /**
     * Registers the announced/collected gauges of the harvested appellations at zero, so they are exposed (and the
     * dashboards list them) before the first harvest. Called once at start with the codes of the appellation list.
     */
    public void appellations(Collection<String> codes) {
        codes.forEach(code -> appellationGauges(code));
    }

    /** What the API announced (Content-Range total) and what was collected for one appellation in this run. */
    public void appellation(String code, long announced, long collected) {
        Value[] values = appellationGauges(code);
        if (values != null) {
            values[0].set(announced);
            values[1].set(collected);
        }
    }

    private Value[] appellationGauges(String code) {
        Value[] values = appellations.get(code);
        if (values == null) {
            synchronized (appellations) {
                values = appellations.get(code);
                if (values == null) {
                    if (code == null || appellations.size() >= MAX_APPELLATIONS) {
                        warnOnce("appellation:" + code, "Appellation {} not measured: at most {} appellation codes are",
                                code, MAX_APPELLATIONS);
                        return null;
                    }
                    values = new Value[] {
                        gauge("jobmarket.appellation.offers.announced", "Offers the API announced for the appellation in the last run",
                                new Value(), "appellation", code),
                        gauge("jobmarket.appellation.offers.collected", "Offers collected for the appellation in the last run",
                                new Value(), "appellation", code)};
                    appellations.put(code, values);
                }
            }
        }
        return values;
    }

    /** Offers left out for a reason of {@link #DROP_REASONS}; any other reason is counted as {@code other}. */
    public void dropped(String reason, long count) {
        Counter counter = dropped.get(reason == null ? "other" : reason.toLowerCase(Locale.ROOT));
        (counter == null ? dropped.get("other") : counter).increment(count);
    }

    /** Offers of this run per lieu_cas (cas_1..cas_5); a case absent from the map is 0. */
    public void lieuCas(Map<String, Long> countsByCas) {
        lieuCas.forEach((cas, value) -> value.set(countsByCas.getOrDefault(cas, 0L)));
        countsByCas.keySet().forEach(cas -> known(lieuCas, cas, "lieu_cas"));
    }

    /** One reverse-geocoding look-up: found, not_found, error or cached. */
    public void geocoder(String outcome) {
        geocoder(outcome, 1);
    }

    /** Several look-ups of one outcome, e.g. the totals of a run. */
    public void geocoder(String outcome, long count) {
        Counter counter = known(geocoder, outcome, "outcome");
        if (counter != null && count > 0) {
            counter.increment(count);
        }
    }

    /** Rows written to a warehouse table (one of {@link #TABLES}): inserted, updated or deleted. */
    public void rows(String table, String operation, long count) {
        Counter counter = known(rows, table + "/" + operation, "table/operation");
        if (counter != null) {
            counter.increment(count);
        }
    }

    /** Offers in the warehouse by metier_data (DE, DA, DS; null or "none" = not a data job) and those available. */
    public void warehouseOffers(Map<String, Long> countsByMetierData, long available) {
        Map<String, Long> counts = new LinkedHashMap<>();
        countsByMetierData.forEach((metier, count) -> counts.merge(metier == null ? "none" : metier, count, Long::sum));
        warehouseOffers.forEach((metier, value) -> value.set(counts.getOrDefault(metier, 0L)));
        counts.keySet().forEach(metier -> known(warehouseOffers, metier, "metier_data"));
        offersAvailable.set(available);
    }

    /** One answer of a query endpoint (one of {@link #API_QUERIES}): cached, shared or computed. */
    public void apiAnswer(String endpoint, String outcome) {
        Counter counter = known(apiAnswers, endpoint + "/" + outcome, "endpoint/outcome");
        if (counter != null) {
            counter.increment();
        }
    }

    /** The time an uncached answer took, from the cache miss to the answer kept, by source (index or sql). */
    public void apiCompute(String endpoint, String source, long nanos) {
        Timer timer = known(apiComputes, endpoint + "/" + source, "endpoint/source");
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A new index of the query API: its offers and the time reading the warehouse took. */
    public void apiIndexBuilt(int offers, double seconds) {
        apiIndexOffers.set(offers);
        apiIndexSeconds.set(seconds);
    }

    /** The unfiltered answers of a new index computed, in both representations, before it is served. */
    public void apiWarmedUp(double seconds) {
        apiWarmUpSeconds.set(seconds);
    }

    MeterRegistry registry() {
        return registry;
    }

    private <T> T known(Map<String, T> meters, String key, String label) {
        T meter = meters.get(key);
        if (meter == null) {
            warnOnce(label + ":" + key, "Metric label {}={} is not one of {}: not measured", label, key, meters.keySet());
        }
        return meter;
    }

    private void warnOnce(String key, String message, Object... arguments) {
        if (warned.add(key)) {
            LOG.warn(message, arguments);
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private Value gauge(String name, String description, Value value, String... tags) {
        Gauge.builder(name, value, Value::get).description(description).tags(tags).strongReference(true).register(registry);
        return value;
    }

    /** A gauge's current value, written by the pipeline threads, read by the scrape. */
    private static final class Value {
        private volatile double value;

        double get() {
            return value;
        }

        void set(double newValue) {
            value = newValue;
        }
    }
}
