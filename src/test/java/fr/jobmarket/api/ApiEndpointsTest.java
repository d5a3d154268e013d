package fr.jobmarket.api;

import fr.jobmarket.metrics.BusinessMetrics;
import fr.jobmarket.support.TestApplication;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedSendProcessorMBean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The whole application on a small hand-built warehouse: exact bodies, filters, validation, auth. */
class ApiEndpointsTest {

    private static final String TOKEN = "test-admin-token-0123456789";
    private static TestApplication app;

    @BeforeAll
    static void start() throws SQLException {
        app = TestApplication.start(Map.of("jobmarket.admin.token", TOKEN));
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("""
                INSERT INTO offreemploi VALUES
                  ('AAAAAA1', '2025-07-24', '2025-07-01', '2025-07-23', '2025-07-23', 1),
                  ('AAAAAA2', '2025-07-24', '2025-07-10', '2025-07-22', NULL, 1),
                  ('AAAAAA3', '2025-07-20', '2025-07-10', '2025-07-10', '2025-07-11', 2),
                  ('AAAAAA4', '2025-07-24', '2025-07-10', '2025-07-05', '2025-07-06', 1);
                INSERT INTO descriptionoffre (offre_id, intitule_offre, description_offre, metier_data, liste_mots_cles) VALUES
                  ('AAAAAA1', 'Data Engineer H/F', 'Python et SQL', 'DE', '{python,sql}'),
                  ('AAAAAA2', 'Data Analyst (H/F) avec un intitulé bien plus long que cinquante caractères', 'Power BI', 'DA', '{"power bi"}'),
                  ('AAAAAA3', 'Data Engineer Lyon', 'Spark', 'DE', NULL),
                  ('AAAAAA4', 'Boulanger', 'Pain', NULL, NULL);
                INSERT INTO localisation (offre_id, code_insee, nom_commune, code_postal, nom_ville, code_departement, nom_departement, code_region, nom_region, lieu_cas) VALUES
                  ('AAAAAA1', '75108', 'Paris 8e Arrondissement', '75008', 'Paris', '75', 'Paris', '11', 'Île-de-France', 'cas_1'),
                  ('AAAAAA2', '33063', 'Bordeaux', '33000', 'Bordeaux', '33', 'Gironde', '75', 'Nouvelle-Aquitaine', 'cas_1'),
                  ('AAAAAA3', '69381', 'Lyon 1er Arrondissement', '69001', 'Lyon', '69', 'Rhône', '84', 'Auvergne-Rhône-Alpes', 'cas_1'),
                  ('AAAAAA4', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'cas_5');
                INSERT INTO contrat (offre_id, type_contrat, salaire_libelle) VALUES
                  ('AAAAAA1', 'CDI', 'Annuel de 45.000 Euros à 55.000 Euros'), ('AAAAAA2', 'CDD', 'Mensuel de 3136.0 Euros sur 12.0 mois'),
                  ('AAAAAA3', 'CDI', 'Selon profil'), ('AAAAAA4', 'CDI', NULL);
                INSERT INTO experience (experience_libelle, experience_code_exigence, experience_commentaire) VALUES
                  ('Débutant accepté', 'D', NULL), ('3 An(s)', 'E', 'en data');
                INSERT INTO offre_experience VALUES ('AAAAAA1', 1, '2025-07-24'), ('AAAAAA2', 2, '2025-07-24'), ('AAAAAA3', 2, '2025-07-20');
                INSERT INTO competence (competence_code, competence_libelle, competence_code_exigence) VALUES
                  (120, 'SQL', 'E'), (7, 'Python	avec	tabs', 'E'), (300, 'Anglais technique', 'S');
                INSERT INTO offre_competence VALUES ('AAAAAA1', 1, '2025-07-24'), ('AAAAAA1', 2, '2025-07-24'),
                  ('AAAAAA2', 1, '2025-07-24'), ('AAAAAA3', 3, '2025-07-20');
                """);
        }
        refreshAnswers(); // written behind the API's back: served once api-refresh read it (api-freshness: within 2 s)
    }

    /** What a harvest's load or an API write does: the API's answers read the warehouse again. */
    private static void refreshAnswers() {
        app.application().camelContext().createFluentProducerTemplate().to("direct:api-refresh").send();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void countsOffersAsATextLineWithThousandsSeparated() {
        HttpResponse<String> response = app.get("/stats/total_offres");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo("total: 4 offres");
        assertThat(response.headers().firstValue("X-Data-Updated")).hasValue("2025-07-24");
        assertThat(response.headers().firstValue("X-Data-Source")).get().asString().contains("France Travail");
        assertThat(app.get("/stats/total_offres", "Accept", "application/json").body()).isEqualTo("{\"total\":4}");
    }

    @Test
    void followsWritesMadeBehindItsBackWithinSeconds() throws SQLException {
        assertThat(app.get("/stats/total_offres?code_insee=75056").body()).isEqualTo("total: 0 offres");
        try (Connection connection = app.application().database().dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO offreemploi VALUES ('CACHE01', '2025-07-01', '2025-07-01', '2025-07-01', NULL, 1);
                    INSERT INTO descriptionoffre (offre_id, intitule_offre) VALUES ('CACHE01', 'Cache');
                    INSERT INTO localisation (offre_id, code_insee) VALUES ('CACHE01', '75056');
                    """);
            // neither the last extraction nor the last run changed: the rows written did (api-freshness)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(app.get("/stats/total_offres?code_insee=75056").body()).isEqualTo("total: 1 offres"));
        } finally {
            try (Connection connection = app.application().database().dataSource().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("DELETE FROM offreemploi WHERE offre_id = 'CACHE01'");
            }
            refreshAnswers();
        }
        assertThat(app.get("/stats/total_offres?code_insee=75056").body()).isEqualTo("total: 0 offres");
    }

    @Test
    void answersTheOtherCriteriaTablesInBothRepresentations() {
        assertThat(app.get("/criteres_recruteurs/experiences").body()).isEqualTo("""
                +-----------------+------------------+---------------+-----------------+
                |   nb occurences | libelle          | commentaire   | code exigence   |
                |-----------------+------------------+---------------+-----------------|
                |               1 | Débutant accepté |               | D               |
                |               2 | 3 An(s)          | en data       | E               |
                +-----------------+------------------+---------------+-----------------+
                """);
        assertThat(app.get("/criteres_recruteurs/experiences?offres_dispo_only=true", "Accept", "application/json").body())
                .isEqualTo("[{\"nb_occurences\":1,\"libelle\":\"Débutant accepté\",\"commentaire\":null,\"code_exigence\":\"D\"},"
                        + "{\"nb_occurences\":1,\"libelle\":\"3 An(s)\",\"commentaire\":\"en data\",\"code_exigence\":\"E\"}]");
        for (String path : new String[]{"/criteres_recruteurs/qualites_professionnelles", "/criteres_recruteurs/qualifications",
                "/criteres_recruteurs/formations", "/criteres_recruteurs/permis_conduire", "/criteres_recruteurs/langues"}) {
            HttpResponse<String> response = app.get(path + "?metier_data=DE");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).startsWith("+---").contains("| nb occurences   |");
            assertThat(app.get(path, "Accept", "application/json").body()).as(path).isEqualTo("[]");
        }
        assertThat(app.get("/mapping_localisation/region", "Accept", "application/json").body())
                .contains("{\"nom_region\":\"Île-de-France\",\"code_region\":\"11\"}");
    }

    @Test
    void readsYearlySalariesPerMetierAndCountsTheTextsItCannotRead() {
        assertThat(app.get("/stats/salaires", "Accept", "application/json").body()).isEqualTo("["
                + "{\"metier_data\":\"DA\",\"nb_offres\":1,\"nb_salaires\":1,\"nb_textes_non_lus\":0,"
                + "\"premier_quartile\":37632,\"mediane\":37632,\"troisieme_quartile\":37632},"
                + "{\"metier_data\":\"DE\",\"nb_offres\":2,\"nb_salaires\":1,\"nb_textes_non_lus\":1,"
                + "\"premier_quartile\":50000,\"mediane\":50000,\"troisieme_quartile\":50000},"
                + "{\"metier_data\":null,\"nb_offres\":1,\"nb_salaires\":0,\"nb_textes_non_lus\":0,"
                + "\"premier_quartile\":null,\"mediane\":null,\"troisieme_quartile\":null}]");
        assertThat(app.get("/stats/salaires/tranches?code_region=11", "Accept", "application/json").body())
                .isEqualTo("[{\"metier_data\":\"DE\",\"tranche\":50000,\"nb_offres\":1}]");
        assertThat(app.get("/stats/salaires/tranches").body()).contains("| DA       |                    35000 |           1 |");
    }

    @Test
    void followsOffersAvailableAndNewAcrossTheExtractionDates() {
        assertThat(app.get("/stats/tendances?metier_data=DE", "Accept", "application/json").body()).isEqualTo("["
                + "{\"date_extraction\":\"2025-07-01\",\"metier_data\":\"DE\",\"nb_offres_dispo\":1,\"nb_offres_nouvelles\":1},"
                + "{\"date_extraction\":\"2025-07-10\",\"metier_data\":\"DE\",\"nb_offres_dispo\":2,\"nb_offres_nouvelles\":1},"
                + "{\"date_extraction\":\"2025-07-20\",\"metier_data\":\"DE\",\"nb_offres_dispo\":2,\"nb_offres_nouvelles\":0},"
                + "{\"date_extraction\":\"2025-07-24\",\"metier_data\":\"DE\",\"nb_offres_dispo\":1,\"nb_offres_nouvelles\":0}]");
        String all = app.get("/stats/tendances", "Accept", "application/json").body();
        // 2025-07-10: the analyst and the unclassified offer are new, the second engineer too
        assertThat(all).contains("{\"date_extraction\":\"2025-07-10\",\"metier_data\":\"DA\",\"nb_offres_dispo\":1,\"nb_offres_nouvelles\":1}",
                "{\"date_extraction\":\"2025-07-10\",\"metier_data\":null,\"nb_offres_dispo\":1,\"nb_offres_nouvelles\":1}",
                "{\"date_extraction\":\"2025-07-01\",\"metier_data\":\"DA\",\"nb_offres_dispo\":0,\"nb_offres_nouvelles\":0}");
    }

    @Test
    void doesNotEchoTheAuthorizationHeaderAndLabelsErrorsWithTheDataSource() {
        HttpResponse<String> response = app.get("/stats/total_offres?metier_data=XX", "Authorization", "Bearer " + TOKEN);
        assertThat(response.headers().firstValue("Authorization")).isEmpty();
        // sandbox mode: synthetic offers are never labelled as France Travail's
        assertThat(response.headers().firstValue("X-Data-Source")).hasValue(Responder.SANDBOX_DATA_SOURCE);
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Paramètre invalide\",\"status\":400,"
                + "\"detail\":\"'metier_data' doit valoir DE, DA, DS ou vide (reçu : 'XX').\",\"instance\":\"/stats/total_offres\"}");
    }

    @Test
    void ranksRegionsWithSharesOfTheOffersUnderTheSameFilters() {
        assertThat(app.get("/stats/classement/region").body()).isEqualTo("""
                +-------------+---------------+----------------------+
                |   nb offres | pourcentage   | région               |
                |-------------+---------------+----------------------|
                |           1 | 25.0 %        | Auvergne-Rhône-Alpes |
                |           1 | 25.0 %        | Nouvelle-Aquitaine   |
                |           1 | 25.0 %        | Île-de-France        |
                +-------------+---------------+----------------------+
                """);
        assertThat(app.get("/stats/classement/region?metier_data=DE&offres_dispo_only=true").body()).isEqualTo("""
                +-------------+---------------+---------------+
                |   nb offres | pourcentage   | région        |
                |-------------+---------------+---------------|
                |           1 | 100.0 %       | Île-de-France |
                +-------------+---------------+---------------+
                """);
        assertThat(app.get("/stats/classement/region?metier_data=DE", "Accept", "application/json").body()).isEqualTo(
                "[{\"nb_offres\":1,\"pourcentage\":50.0,\"code_region\":\"84\",\"nom_region\":\"Auvergne-Rhône-Alpes\"},"
                        + "{\"nb_offres\":1,\"pourcentage\":50.0,\"code_region\":\"11\",\"nom_region\":\"Île-de-France\"}]");
    }

    @Test
    void ranksCitiesByInseeCodeWithTheirDepartment() {
        assertThat(app.get("/stats/classement/ville?metier_data=DE").body()).isEqualTo("""
                +-------------+---------------+-------------------------+--------------+---------------+
                |   nb offres | pourcentage   | ville                   |   code_insee | département   |
                |-------------+---------------+-------------------------+--------------+---------------|
                |           1 | 50.0 %        | Lyon 1er Arrondissement |        69381 | Rhône         |
                |           1 | 50.0 %        | Paris 8e Arrondissement |        75108 | Paris         |
                +-------------+---------------+-------------------------+--------------+---------------+
                """);
    }

    @Test
    void listsTheMostRecentOffersWithTheirExperience() {
        assertThat(app.get("/offre/plusieurs_offres?code_region=11&code_region=75").body()).isEqualTo("""
                +------------+----------------------------------------------------+--------------------------+------------------+----------+--------------------+
                | offre_id   | intitulé (50 chars max)                            | créé le / actualisé le   | expérience       | ville    | région             |
                |------------+----------------------------------------------------+--------------------------+------------------+----------+--------------------|
                | AAAAAA1    | Data Engineer H/F                                  | 2025-07-23 / 2025-07-23  | Débutant accepté | Paris    | Île-de-France      |
                | AAAAAA2    | Data Analyst (H/F) avec un intitulé bien plus long | 2025-07-22 / None        | 3 An(s)          | Bordeaux | Nouvelle-Aquitaine |
                +------------+----------------------------------------------------+--------------------------+------------------+----------+--------------------+
                """);
    }

    @Test
    void listsSkillsRequiredFirstWithTabsCollapsedInTheTextTableOnly() {
        assertThat(app.get("/criteres_recruteurs/competences").body()).isEqualTo("""
                +-----------------+--------+-------------------+-----------------+
                |   nb occurences |   code | libelle           | code exigence   |
                |-----------------+--------+-------------------+-----------------|
                |               2 |    120 | SQL               | E               |
                |               1 |      7 | Python avec tabs  | E               |
                |               1 |    300 | Anglais technique | S               |
                +-----------------+--------+-------------------+-----------------+
                """);
        assertThat(app.get("/criteres_recruteurs/competences?code_departement=33").body()).contains("|               1 |    120 | SQL ");
        // JSON carries the label as stored
        assertThat(app.get("/criteres_recruteurs/competences", "Accept", "application/json").body())
                .contains("{\"nb_occurences\":1,\"code\":7,\"libelle\":\"Python\\tavec\\ttabs\",\"code_exigence\":\"E\"}");
    }

    @Test
    void ranksWithinTheLocationFiltersToo() {
        assertThat(app.get("/stats/classement/departement?code_region=84&code_region=75", "Accept", "application/json").body())
                .isEqualTo("[{\"nb_offres\":1,\"pourcentage\":50.0,\"code_departement\":\"33\",\"nom_departement\":\"Gironde\"},"
                        + "{\"nb_offres\":1,\"pourcentage\":50.0,\"code_departement\":\"69\",\"nom_departement\":\"Rhône\"}]");
        assertThat(app.get("/stats/classement/ville?code_insee=99999").statusCode()).isEqualTo(400);
    }

    @Test
    void selectsTheOffersWithoutDataJobWithMetierDataVide() {
        assertThat(app.get("/stats/total_offres?metier_data=vide").body()).isEqualTo("total: 1 offres");
        assertThat(app.get("/offre/liste_offres?metier_data=vide", "Accept", "application/json").body())
                .isEqualTo("[{\"offre_id\":\"AAAAAA4\",\"intitule\":\"Boulanger\",\"metier_data\":null,\"date_creation\":\"2025-07-05\"}]");
        assertThat(app.get("/stats/total_offres?metier_data=Vide").statusCode()).isEqualTo(400);
    }

    @Test
    void countsOffersPerDataJobWithTheUnclassifiedAsVide() {
        assertThat(app.get("/stats/offres_par_metier").body()).isEqualTo("""
                +-------------+---------------+---------------+
                |   nb offres | pourcentage   | metier data   |
                |-------------+---------------+---------------|
                |           2 | 50.0 %        | DE            |
                |           1 | 25.0 %        | DA            |
                |           1 | 25.0 %        | vide          |
                +-------------+---------------+---------------+
                """);
        assertThat(app.get("/stats/offres_par_metier?offres_dispo_only=true", "Accept", "application/json").body())
                .isEqualTo("[{\"nb_offres\":1,\"pourcentage\":33.3,\"metier_data\":\"DA\"},"
                        + "{\"nb_offres\":1,\"pourcentage\":33.3,\"metier_data\":\"DE\"},"
                        + "{\"nb_offres\":1,\"pourcentage\":33.3,\"metier_data\":null}]");
    }

    @Test
    void countsOffersPerWeekdayOfCreationListingEveryDay() {
        // created on Wednesday 23, Tuesday 22, Thursday 10 and Saturday 5 July 2025
        assertThat(app.get("/stats/offres_par_jour_creation?code_region=11&code_region=75&code_region=84", "Accept", "application/json").body())
                .isEqualTo("[{\"jour\":1,\"nom_jour\":\"lundi\",\"nb_offres\":0},{\"jour\":2,\"nom_jour\":\"mardi\",\"nb_offres\":1},"
                        + "{\"jour\":3,\"nom_jour\":\"mercredi\",\"nb_offres\":1},{\"jour\":4,\"nom_jour\":\"jeudi\",\"nb_offres\":1},"
                        + "{\"jour\":5,\"nom_jour\":\"vendredi\",\"nb_offres\":0},{\"jour\":6,\"nom_jour\":\"samedi\",\"nb_offres\":0},"
                        + "{\"jour\":7,\"nom_jour\":\"dimanche\",\"nb_offres\":0}]");
        assertThat(app.get("/stats/offres_par_jour_creation").body()).contains("|      6 | samedi        |           1 |");
    }

    @Test
    void countsOffersPerKeywordOfTheirDescription() {
        assertThat(app.get("/stats/mots_cles").body()).isEqualTo("""
                +-------------+-----------+
                |   nb offres | mot-clé   |
                |-------------+-----------|
                |           1 | power bi  |
                |           1 | python    |
                |           1 | sql       |
                +-------------+-----------+
                """);
        assertThat(app.get("/stats/mots_cles?metier_data=DA", "Accept", "application/json").body())
                .isEqualTo("[{\"nb_offres\":1,\"mot_cle\":\"power bi\"}]");
    }

    @Test
    void listsTheLatestOffersWithTheirDataJob() {
        assertThat(app.get("/offre/liste_offres?code_departement=75&code_departement=69").body()).isEqualTo("""
                +------------+---------------------------+---------------+------------+
                | offre_id   | intitulé (80 chars max)   | metier data   | créé le    |
                |------------+---------------------------+---------------+------------|
                | AAAAAA1    | Data Engineer H/F         | DE            | 2025-07-23 |
                | AAAAAA3    | Data Engineer Lyon        | DE            | 2025-07-10 |
                +------------+---------------------------+---------------+------------+
                """);
    }

    @Test
    void servesTheDashboardPageAndOnlyItsOwnFilesFromTheJar() {
        for (String path : new String[]{"/", "/dashboard"}) {
            HttpResponse<String> page = app.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(page.body()).contains("<html lang=\"fr\">", "/dashboard/echarts.min.js", "/dashboard/dashboard.js")
                    .doesNotContain("http://", "https://cdn");
        }
        HttpResponse<String> echarts = app.get("/dashboard/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("5.3.1");
        assertThat(app.get("/dashboard/regions.geojson").body()).contains("\"name\":\"Île-de-France\"", "\"cp\":[");
        assertThat(app.get("/dashboard/communes.json").body()).contains("\"75108\":[2.");
        for (String file : DashboardEndpoints.FILES.keySet()) {
            assertThat(app.get("/dashboard/" + file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(app.get("/dashboard/..%2Fapplication.properties").statusCode()).isEqualTo(404);
        assertThat(app.get("/dashboard/dashboard.html").statusCode()).isEqualTo(404);
        assertThat(app.get("/api-doc").body()).contains("/stats/mots_cles", "/offre/liste_offres").doesNotContain("\"/dashboard\"");
    }

    @Test
    void showsTheTransformedAttributesOfOneOffer() {
        HttpResponse<String> response = app.get("/offre/attributs_from_transformations?offre_id=AAAAAA1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"offre_id\":\"AAAAAA1\",\"intitulé\":\"Data Engineer H/F\",\"date création\":\"2025-07-23\","
                + "\"ville\":\"Paris\",\"département\":\"Paris\",\"région\":\"Île-de-France\",\"metier data\":\"DE\","
                + "\"liste mots clés\":[\"python\",\"sql\"],\"description\":\"Python et SQL\"}");
        assertThat(app.get("/offre/attributs_from_transformations").body()).contains("\"offre_id\":\"AAAAAA");
        assertThat(app.get("/offre/attributs_from_transformations?offre_id=ZZZZZZ9").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesUnknownCodesNamingThemInPythonListNotation() {
        HttpResponse<String> response = app.get("/stats/total_offres?code_region=11&code_region=99&code_region=2A");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"detail\":\"Les codes région ['99', '2A'] sont invalides.\"");
        assertThat(app.get("/stats/total_offres?code_departement=999").body()).contains("Les codes département ['999'] sont invalides.");
        assertThat(app.get("/stats/total_offres?code_postal=75000").body()).contains("Les codes postaux ['75000'] sont invalides.");
        assertThat(app.get("/stats/total_offres?code_insee=1").body()).contains("Les codes insee ['1'] sont invalides.");
        assertThat(app.get("/stats/total_offres?metier_data=XX").statusCode()).isEqualTo(400);
        assertThat(app.get("/stats/total_offres?offres_dispo_only=peut-etre").statusCode()).isEqualTo(400);
        assertThat(app.get("/offre/attributs_from_transformations?offre_id=abc").body())
                .contains("'offre_id' doit être sur 7 caractères alphanumériques.");
    }

    @Test
    void neverAnswers500ToHostileInput() {
        String longValue = "x".repeat(10_000);
        // Vert.x refuses a request line over 4096 characters with 414 before any route runs
        assertThat(app.get("/stats/total_offres?code_region=" + longValue).statusCode()).isEqualTo(414);
        String repeated = "&code_departement=33".repeat(190);
        for (String path : new String[]{"/stats/total_offres?code_region=" + "9".repeat(3_000),
                "/stats/total_offres?code_region=11%27%3B%20DROP%20TABLE%20offreemploi%3B--",
                "/offre/attributs_from_transformations?offre_id=%27%20OR%201",
                "/criteres_recruteurs/competences?code_departement=33" + repeated,
                "/stats/total_offres?code_region=%25ZZ"}) {
            assertThat(app.get(path).statusCode()).as(path.substring(0, Math.min(80, path.length()))).isIn(200, 400);
        }
        assertThat(app.get("/stats/total_offres?code_departement=33" + repeated).body()).isEqualTo("total: 1 offres");
    }

    @Test
    void protectsWritesWithTheAdminToken() {
        assertThat(send("POST", "/offre/ajout_offre_factice", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/offre/ajout_offre_factice", "wrong").statusCode()).isEqualTo(403);
        HttpResponse<String> created = send("POST", "/offre/ajout_offre_factice", TOKEN);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).matches("\"Offre [A-Z0-9]{7} ajoutée\"");
        String id = created.body().substring(7, 14);
        assertThat(app.get("/stats/total_offres_factices").body()).isEqualTo("[\"1 offre(s) factice(s)\",[\"" + id + "\"]]");
        assertThat(send("DELETE", "/offre/suppression_offre?offre_id=ZZZZZZ9", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/suppression_all_offres_factices", TOKEN).body())
                .isEqualTo("\"1 offre(s) supprimée(s) : ['" + id + "']\"");
        assertThat(app.get("/stats/total_offres_factices").body()).isEqualTo("[\"0 offre(s) factice(s)\",[]]");
    }

    @Test
    void servesTheMappingTablesFromTheReferenceWithout00nan() {
        String cities = app.get("/mapping_localisation/ville").body();
        assertThat(cities).containsPattern("\\| Paris +\\| +75008 \\|").doesNotContain("00nan")
                .doesNotContainPattern("\\| +\\|\\n");
        assertThat(app.get("/mapping_localisation/region").body()).contains("| Île-de-France ");
    }

    @Test
    void computesEachAnswerOnceFromTheIndexOrItsSqlEndpointUntilTheDataChanges() throws Exception {
        // the data does not change meanwhile: no refresh (whose warm-up also runs the index steps) during the counts
        app.application().camelContext().getRouteController().suspendRoute("api-freshness");
        try {
            refreshAnswers();
            countComputations();
        } finally {
            app.application().camelContext().getRouteController().resumeRoute("api-freshness");
        }
    }

    private void countComputations() {
        ManagedCamelContext managed = app.application().camelContext().getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        String[][] queries = {{"total-offres", "/stats/total_offres?code_departement=69"},
                {"plusieurs-offres", "/offre/plusieurs_offres?code_departement=69"},
                {"classement-region", "/stats/classement/region?metier_data=DS"},
                {"classement-departement", "/stats/classement/departement?metier_data=DS"},
                {"classement-ville", "/stats/classement/ville?metier_data=DS"},
                {"offres-par-metier", "/stats/offres_par_metier?code_departement=69"},
                {"offres-par-jour-creation", "/stats/offres_par_jour_creation?code_departement=69"},
                {"mots-cles", "/stats/mots_cles?code_departement=69"},
                {"liste-offres", "/offre/liste_offres?code_departement=69"},
                {"competences", "/criteres_recruteurs/competences?code_departement=69"},
                {"experiences", "/criteres_recruteurs/experiences?code_departement=69"},
                {"qualites-professionnelles", "/criteres_recruteurs/qualites_professionnelles?code_departement=69"},
                {"qualifications", "/criteres_recruteurs/qualifications?code_departement=69"},
                {"formations", "/criteres_recruteurs/formations?code_departement=69"},
                {"permis-conduire", "/criteres_recruteurs/permis_conduire?code_departement=69"},
                {"langues", "/criteres_recruteurs/langues?code_departement=69"},
                {"salaires", "/stats/salaires?code_departement=69"},
                {"salaires-tranches", "/stats/salaires/tranches?code_departement=69"},
                {"tendances", "/stats/tendances?code_departement=69"}};
        // the routes of the api-query template (those with an index step)
        List<String> queryRoutes = app.application().camelContext().getRoutes().stream().map(Route::getRouteId)
                .filter(id -> id.startsWith("api-")).map(id -> id.substring("api-".length()))
                .filter(name -> managed.getManagedProcessor(name + "-index") != null).sorted().toList();
        assertThat(Arrays.stream(queries).map(query -> query[0]).sorted().toList()).as("every query endpoint").isEqualTo(queryRoutes);
        assertThat(BusinessMetrics.API_QUERIES.stream().sorted().toList()).as("endpoints with metrics and a warm-up")
                .isEqualTo(queryRoutes);
        // the index answers every query endpoint; the sql: endpoints answer before the first index is built
        assertThat(OfferIndex.ENDPOINTS).containsExactlyInAnyOrderElementsOf(queryRoutes);
        for (String[] query : queries) {
            assertThat(managed.getManagedProcessor(query[0] + "-sql", ManagedSendProcessorMBean.class).getDestination())
                    .as(query[0]).isEqualTo("sql://classpath:sql/api/" + query[0] + ".sql");
            long before = managed.getManagedProcessor(query[0] + "-index").getExchangesCompleted();
            long sqlBefore = managed.getManagedProcessor(query[0] + "-sql").getExchangesCompleted();
            String first = app.get(query[1]).body();
            assertThat(app.get(query[1]).body()).as(query[0]).isEqualTo(first);
            assertThat(managed.getManagedProcessor(query[0] + "-index").getExchangesCompleted()).as(query[0]).isEqualTo(before + 1);
            assertThat(managed.getManagedProcessor(query[0] + "-sql").getExchangesCompleted()).as(query[0]).isEqualTo(sqlBefore);
        }
        assertThat(app.get("/stats/total_offres?code_departement=69").body()).isEqualTo("total: 1 offres");
    }

    @Test
    void answersWrongMethodWith405() {
        assertThat(send("PUT", "/stats/total_offres", null).statusCode()).isEqualTo(405);
    }

    @Test
    void publishesOpenApiAndSwaggerUi() {
        HttpResponse<String> doc = app.get("/api-doc");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body()).contains("API sur les offres d'emploi publiées par France Travail", "/stats/classement/ville",
                "\"DE\"").doesNotContain("deepObject");
        assertThat(app.get("/docs").body()).contains("swagger-ui-bundle.js");
        assertThat(app.get("/docs/swagger-ui-init.js").body()).contains("syntaxHighlight: false", "/api-doc");
        assertThat(app.get("/docs/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(app.get("/docs/..%2Fapplication.properties").statusCode()).isEqualTo(404);
        assertThat(app.get("/about").body()).contains("synthétiques", Responder.SANDBOX_DATA_SOURCE)
                .doesNotContain("Données issues de France Travail");
        assertThat(app.get("/about").body()).contains("\"licence\":\"https://francetravail.io/data/licence\"",
                "\"derniere_mise_a_jour\":\"2025-07-24\"");
    }

    private HttpResponse<String> send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        return token == null ? app.send(request) : app.send(request, "Authorization", "Bearer " + token);
    }
}
