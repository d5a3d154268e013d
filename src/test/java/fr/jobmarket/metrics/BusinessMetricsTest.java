package fr.jobmarket.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final BusinessMetrics metrics = new BusinessMetrics(registry,
            Clock.fixed(Instant.parse("2026-03-01T20:45:00Z"), ZoneOffset.UTC));

    @Test
    void exposesEverySeriesAtZeroBeforeAnyHarvest() {
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("jobmarket_harvest_runs_total{status=\"succeeded\"} 0.0")
                .contains("jobmarket_harvest_runs_total{status=\"failed\"} 0.0")
                .contains("jobmarket_harvest_running 0.0")
                .contains("jobmarket_harvest_last_success_timestamp_seconds 0.0")
                .contains("jobmarket_francetravail_retries_total 0.0")
                .contains("jobmarket_warehouse_offers_available 0.0");
        for (String stage : BusinessMetrics.STAGES) {
            assertThat(scrape).contains("jobmarket_harvest_last_duration_seconds{stage=\"" + stage + "\"} 0.0");
        }
        for (String status : BusinessMetrics.API_STATUSES) {
            assertThat(scrape).contains("jobmarket_francetravail_requests_total{status=\"" + status + "\"} 0.0");
        }
        for (String reason : BusinessMetrics.DROP_REASONS) {
            assertThat(scrape).contains("jobmarket_offers_dropped_total{reason=\"" + reason + "\"} 0.0");
        }
        for (String cas : BusinessMetrics.LIEU_CAS) {
            assertThat(scrape).contains("jobmarket_offers_lieu_cas{lieu_cas=\"" + cas + "\"} 0.0");
        }
        for (String outcome : BusinessMetrics.GEOCODER_OUTCOMES) {
            assertThat(scrape).contains("jobmarket_geocoder_requests_total{outcome=\"" + outcome + "\"} 0.0");
        }
        for (String metier : BusinessMetrics.METIER_DATA) {
            assertThat(scrape).contains("jobmarket_warehouse_offers{metier_data=\"" + metier + "\"} 0.0");
        }
        assertThat(scrape.lines().filter(line -> line.startsWith("jobmarket_warehouse_rows_total{"))).hasSize(19 * 3);
        assertThat(scrape).contains("jobmarket_warehouse_rows_total{operation=\"inserted\",table=\"offre_permisconduire\"} 0.0");
    }

    @Test
    void aSucceededRunSetsItsOutcomeDurationsAndSuccessTime() {
        metrics.runStarted();
        assertThat(registry.scrape()).contains("jobmarket_harvest_running 1.0");

        metrics.runFinished(true, Map.of("harvest", 312.5, "total", 400.0));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("jobmarket_harvest_running 0.0")
                .contains("jobmarket_harvest_runs_total{status=\"succeeded\"} 1.0")
                .contains("jobmarket_harvest_runs_total{status=\"failed\"} 0.0")
                .contains("jobmarket_harvest_last_success_timestamp_seconds 1.7723979E9")
                .contains("jobmarket_harvest_last_duration_seconds{stage=\"harvest\"} 312.5")
                .contains("jobmarket_harvest_last_duration_seconds{stage=\"total\"} 400.0");
    }

    @Test
    void aFailedRunKeepsTheLastSuccessTime() {
        metrics.lastSuccess(Instant.parse("2026-02-28T20:40:00Z"));

        metrics.runFinished(false, Map.of("bogus-stage", 1.0));

        assertThat(registry.scrape())
                .contains("jobmarket_harvest_runs_total{status=\"failed\"} 1.0")
                .contains("jobmarket_harvest_last_success_timestamp_seconds 1.7723112E9")
                .doesNotContain("bogus-stage");
    }

    @Test
    void franceTravailStatusesAreGroupedIntoBoundedLabels() {
        metrics.apiResponse(206);
        metrics.apiResponse(206);
        metrics.apiResponse(429);
        metrics.apiResponse(503);
        metrics.apiResponse(502);
        metrics.apiResponse(302);
        metrics.apiError();
        metrics.retry();

        assertThat(registry.scrape())
                .contains("jobmarket_francetravail_requests_total{status=\"206\"} 2.0")
                .contains("jobmarket_francetravail_requests_total{status=\"429\"} 1.0")
                .contains("jobmarket_francetravail_requests_total{status=\"5xx\"} 2.0")
                .contains("jobmarket_francetravail_requests_total{status=\"other\"} 1.0")
                .contains("jobmarket_francetravail_requests_total{status=\"error\"} 1.0")
                .contains("jobmarket_francetravail_retries_total 1.0")
                .doesNotContain("status=\"503\"");
    }

    @Test
    void appellationGaugesHoldTheLastRunAndStopAtSixtyOneCodes() {
        metrics.appellation("38971", 1200, 1150);
        metrics.appellation("38971", 1300, 1300);
        for (int i = 0; i < 70; i++) {
            metrics.appellation("9" + i, 1, 1);
        }

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("jobmarket_appellation_offers_announced{appellation=\"38971\"} 1300.0")
                .contains("jobmarket_appellation_offers_collected{appellation=\"38971\"} 1300.0");
        assertThat(scrape.lines().filter(line -> line.startsWith("jobmarket_appellation_offers_announced{")))
                .hasSize(BusinessMetrics.MAX_APPELLATIONS);
    }

    @Test
    void theAppellationListIsExposedAtZeroBeforeTheFirstHarvest() {
        metrics.appellations(List.of("404278", "38971"));

        assertThat(registry.scrape())
                .contains("jobmarket_appellation_offers_announced{appellation=\"404278\"} 0.0")
                .contains("jobmarket_appellation_offers_collected{appellation=\"38971\"} 0.0");
    }

    @Test
    void unknownDropReasonsAreCountedAsOther() {
        metrics.dropped("commune_corsica", 3);
        metrics.dropped("duplicate", 10);
        metrics.dropped("made_up_reason", 2);
        metrics.dropped(null, 1);

        assertThat(registry.scrape())
                .contains("jobmarket_offers_dropped_total{reason=\"commune_corsica\"} 3.0")
                .contains("jobmarket_offers_dropped_total{reason=\"duplicate\"} 10.0")
                .contains("jobmarket_offers_dropped_total{reason=\"other\"} 3.0")
                .doesNotContain("made_up_reason");
    }

    @Test
    void lieuCasAndWarehouseGaugesAreReplacedByEachRun() {
        metrics.lieuCas(Map.of("cas_1", 900L, "cas_2", 80L, "cas_5", 3L));
        metrics.lieuCas(Map.of("cas_1", 950L));
        Map<String, Long> byMetier = new java.util.HashMap<>(Map.of("DE", 120L, "DS", 40L));
        byMetier.put(null, 2000L);
        metrics.warehouseOffers(byMetier, 1800);

        assertThat(registry.scrape())
                .contains("jobmarket_offers_lieu_cas{lieu_cas=\"cas_1\"} 950.0")
                .contains("jobmarket_offers_lieu_cas{lieu_cas=\"cas_2\"} 0.0")
                .contains("jobmarket_warehouse_offers{metier_data=\"DE\"} 120.0")
                .contains("jobmarket_warehouse_offers{metier_data=\"DA\"} 0.0")
                .contains("jobmarket_warehouse_offers{metier_data=\"none\"} 2000.0")
                .contains("jobmarket_warehouse_offers_available 1800.0");
    }

    @Test
    void rowsAndGeocoderCountOnlyKnownLabels() {
        metrics.rows("offreemploi", "inserted", 1500);
        metrics.rows("offreemploi", "updated", 20);
        metrics.rows("no_such_table", "inserted", 5);
        metrics.geocoder("found");
        metrics.geocoder("cached");
        metrics.geocoder("cached");
        metrics.geocoder("teleported");

        assertThat(registry.scrape())
                .contains("jobmarket_warehouse_rows_total{operation=\"inserted\",table=\"offreemploi\"} 1500.0")
                .contains("jobmarket_warehouse_rows_total{operation=\"updated\",table=\"offreemploi\"} 20.0")
                .contains("jobmarket_geocoder_requests_total{outcome=\"cached\"} 2.0")
                .doesNotContain("no_such_table")
                .doesNotContain("teleported");
    }
}
