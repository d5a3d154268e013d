package fr.jobmarket.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the query answers are served (ApiCache, routes api-query and api-refresh): the unfiltered answers are
 * ready before a new snapshot is served, concurrent identical misses compute once, and a cached answer needs
 * no compute thread.
 */
class ApiAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;

    @BeforeAll
    static void start() throws Exception {
        app = TestApplication.start();
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO offreemploi (offre_id, date_extraction) VALUES ('ANSWER1', '2025-07-24'), ('ANSWER2', '2025-07-24');
                    INSERT INTO descriptionoffre (offre_id, intitule_offre, metier_data) VALUES ('ANSWER1', 'Data', 'DE'), ('ANSWER2', 'Data', NULL);
                    INSERT INTO localisation (offre_id, code_insee, code_departement, code_region)
                         VALUES ('ANSWER1', '75108', '75', '11'), ('ANSWER2', '69381', '69', '84');
                    INSERT INTO contrat (offre_id) VALUES ('ANSWER1'), ('ANSWER2');
                    INSERT INTO experience (experience_libelle, experience_code_exigence) VALUES ('Débutant accepté', 'D');
                    INSERT INTO offre_experience VALUES ('ANSWER1', 1, '2025-07-24'), ('ANSWER2', 1, '2025-07-24');
                    """);
        }
        // nothing else changes the answers during these tests
        context().getRouteController().suspendRoute("api-freshness");
        context().createFluentProducerTemplate().to("direct:api-refresh").send();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void servesTheUnfilteredAnswersComputedBeforeTheSnapshotWasServed() {
        double cached = answers("competences", "cached");
        double computed = answers("competences", "computed");
        assertThat(app.get("/criteres_recruteurs/experiences").body()).contains("| Débutant accepté |");
        app.get("/criteres_recruteurs/competences");
        app.get("/criteres_recruteurs/competences", "Accept", "application/json");
        assertThat(answers("competences", "cached")).isEqualTo(cached + 2);
        assertThat(answers("competences", "computed")).isEqualTo(computed);
        assertThat(app.get("/observe/metrics").body()).containsPattern("(?m)^jobmarket_api_index_offers 2\\.0$")
                .containsPattern("(?m)^jobmarket_api_index_build_seconds [0-9.E-]+$");
    }

    @Test
    void theDashboardsSalariesAndLatestOffersAreCountedInTheIndexForAnyFilter() {
        long sqlBefore = steps("liste-offres-sql") + steps("salaires-sql") + steps("salaires-tranches-sql");
        long indexBefore = steps("liste-offres-index") + steps("salaires-index") + steps("salaires-tranches-index");
        // a location with a métier: the dashboard's pages 1 and 7 ask these
        app.get("/offre/liste_offres?metier_data=DE&code_departement=75", "Accept", "application/json");
        app.get("/stats/salaires?metier_data=DE&code_departement=75", "Accept", "application/json");
        app.get("/stats/salaires/tranches?metier_data=DE&code_departement=75", "Accept", "application/json");
        assertThat(steps("liste-offres-index") + steps("salaires-index") + steps("salaires-tranches-index"))
                .isEqualTo(indexBefore + 3);
        assertThat(steps("liste-offres-sql") + steps("salaires-sql") + steps("salaires-tranches-sql")).isEqualTo(sqlBefore);
    }

    @Test
    void aNewSuccessfulRunAloneKeepsTheIndexAndServesItsDate() throws Exception {
        ApiCache cache = context().getRegistry().lookupByNameAndType("apiCache", ApiCache.class);
        context().getRouteController().resumeRoute("api-freshness");
        try {
            // PostgreSQL's write counters show this class's inserts within a second: once the refresh they cause
            // has run, nothing changes any more
            await().atMost(Duration.ofSeconds(30)).during(Duration.ofSeconds(3)).until(() -> !cache.dataChanged());
            OfferIndex served = cache.servedIndex();
            try (Connection connection = app.application().database().dataSource().getConnection();
                 Statement sql = connection.createStatement()) {
                // a harvest that found nothing new ends: its record changes, not the warehouse's rows
                sql.execute("""
                        INSERT INTO harvest_run (trigger, status, extraction_date, finished_at)
                        VALUES ('test', 'SUCCEEDED', '2025-07-30', now())""");
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> app.get("/about").body().contains("\"derniere_mise_a_jour\":\"2025-07-30\""));
            assertThat(cache.servedIndex()).isSameAs(served);
        } finally {
            context().getRouteController().suspendRoute("api-freshness");
        }
        assertThat(app.get("/stats/total_offres").body()).isEqualTo("total: 2 offres");
    }

    @Test
    void computesOnceForConcurrentIdenticalMissesWhileCachedAnswersGoOn() throws Exception {
        long computedBefore = steps("experiences-index");
        double sharedBefore = answers("experiences", "shared");
        List<String> bodies = concurrentMisses("experiences", "/criteres_recruteurs/experiences?code_departement=75&code_departement=69");
        assertThat(bodies).hasSize(20).containsOnly(
                "[{\"nb_occurences\":2,\"libelle\":\"Débutant accepté\",\"commentaire\":null,\"code_exigence\":\"D\"}]");
        assertThat(steps("experiences-index")).isEqualTo(computedBefore + 1);
        assertThat(answers("experiences", "shared")).isEqualTo(sharedBefore + 19);
    }

    @Test
    void salariesGoThroughTheSameComputePoolAndComputeOnce() throws Exception {
        long computedBefore = steps("salaires-index");
        double sharedBefore = answers("salaires", "shared");
        List<String> bodies = concurrentMisses("salaires", "/stats/salaires?code_departement=75&code_departement=69");
        assertThat(bodies).hasSize(20).containsOnly(bodies.get(0));
        // one line per métier (DE, then the offer without one), each of one offer
        assertThat(JSON.readTree(bodies.get(0)).findValuesAsText("nb_offres")).containsExactly("1", "1");
        assertThat(steps("salaires-index")).isEqualTo(computedBefore + 1);
        assertThat(answers("salaires", "shared")).isEqualTo(sharedBefore + 19);
    }

    /**
     * 20 identical requests of an answer not kept yet while every compute thread is busy: one waits for a thread, 19
     * for its answer, and a kept answer is served meanwhile. Returns the 20 bodies once the threads are released.
     */
    private static List<String> concurrentMisses(String endpoint, String path) throws Exception {
        ThreadPoolExecutor computePool = context().getRegistry().lookupByNameAndType("apiComputePool", ThreadPoolExecutor.class);
        int threads = computePool.getMaximumPoolSize();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            computePool.submit(() -> {
                busy.countDown();
                release.await();
                return null;
            });
        }
        busy.await();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> bodies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                bodies.add(clients.submit(() -> app.get(path, "Accept", "application/json").body()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> context().getInflightRepository().size("api-" + endpoint) == 20);
            // a kept answer needs no compute thread: it is served while every one is busy
            assertThat(app.get("/criteres_recruteurs/experiences").body()).contains("| Débutant accepté |");
            release.countDown();
            List<String> answered = new ArrayList<>();
            for (Future<String> body : bodies) {
                answered.add(body.get());
            }
            return answered;
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    private static CamelContext context() {
        return app.application().camelContext();
    }

    private static long steps(String processor) {
        return context().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor(processor).getExchangesCompleted();
    }

    /** jobmarket_api_answers_total of one endpoint and outcome, as scraped. */
    private static double answers(String endpoint, String outcome) {
        Matcher value = Pattern.compile("(?m)^jobmarket_api_answers_total\\{endpoint=\"" + endpoint + "\",outcome=\"" + outcome
                + "\"} (\\S+)$").matcher(app.get("/observe/metrics").body());
        assertThat(value.find()).as(endpoint + " " + outcome).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
