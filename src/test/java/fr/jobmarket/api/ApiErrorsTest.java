package fr.jobmarket.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.RunRecords;
import fr.jobmarket.support.TestApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answers an RFC 7807 problem in the API's words, also those Vert.x raises before any route runs; a query
 * parameter a verb does not document is refused by name; a run's error shows no internals without the admin token.
 */
class ApiErrorsTest {

    private static final String TOKEN = "errors-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;

    @BeforeAll
    static void start() {
        app = TestApplication.start(Map.of("jobmarket.admin.token", TOKEN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void answersAnUnknownAddressWithAProblemInsteadOfHtml() throws Exception {
        HttpResponse<String> response = app.get("/stats/totals");

        assertProblem(response, 404, "Introuvable", "Aucune ressource à l'adresse '/stats/totals' ; les adresses de l'API sont décrites sur /docs.");
        assertThat(JSON.readTree(response.body()).path("instance").asText()).isEqualTo("/stats/totals");
    }

    @Test
    void answersAWrongMethodWithTheAcceptedOnes() throws Exception {
        HttpResponse<String> response = send("PUT", "/stats/total_offres");

        assertProblem(response, 405, "Méthode non autorisée",
                "La méthode PUT n'est pas acceptée à l'adresse '/stats/total_offres' (méthodes acceptées : GET).");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        assertThat(send("POST", "/admin/harvests/12").headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void answersARepresentationAJsonOnlyEndpointCannotServe() throws Exception {
        HttpResponse<String> response = app.get("/offre/attributs_from_transformations", "Accept", "text/plain");

        assertProblem(response, 406, "Représentation non disponible",
                "L'en-tête Accept demande 'text/plain' ; cette adresse répond en application/json.");
    }

    @Test
    void answersABodyOverTheLimit() throws Exception {
        HttpResponse<String> response = app.send(HttpRequest.newBuilder(URI.create(app.url("/offre/ajout_offre_factice")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1_048_577])), "Authorization", "Bearer " + TOKEN);

        assertProblem(response, 413, "Requête trop volumineuse", "Le corps de la requête dépasse 1 048 576 octets.");
    }

    @Test
    void answersAnAddressOrHeadersTooLongBeforeTheRouter() throws Exception {
        HttpResponse<String> longAddress = app.get("/stats/total_offres?code_region=" + "1".repeat(5_000));
        assertProblem(longAddress, 414, "Adresse trop longue",
                "La ligne de requête (méthode, adresse et chaîne de requête) dépasse 4 096 caractères.");

        Raw longHeaders = raw("GET /stats/total_offres HTTP/1.1\r\nHost: x\r\nX-Filler: " + "y".repeat(9_000) + "\r\n\r\n");
        assertThat(longHeaders.status()).isEqualTo(431);
        assertThat(longHeaders.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(JSON.readTree(longHeaders.body()).path("detail").asText()).isEqualTo("Les en-têtes de la requête dépassent 8 192 octets.");
    }

    @Test
    void answersABrokenPercentEncodingInTheQueryOrThePath() throws Exception {
        for (String target : List.of("/stats/total_offres?code_region=%ZZ", "/stats/total%ZZoffres", "/stats/total_offres?code_region=1%")) {
            Raw answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.head()).as(target).containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.path("title").asText()).as(target).isEqualTo("Requête invalide");
            assertThat(problem.path("detail").asText()).as(target)
                    .isEqualTo("L'adresse est mal encodée : un '%' doit être suivi de deux chiffres hexadécimaux.");
        }
        Raw withoutHost = raw("GET /about HTTP/1.1\r\n\r\n");
        assertThat(withoutHost.status()).isEqualTo(400);
        assertThat(JSON.readTree(withoutHost.body()).path("detail").asText()).isEqualTo("La requête HTTP est mal formée.");
    }

    @Test
    void refusesQueryParametersTheEndpointDoesNotDocument() throws Exception {
        HttpResponse<String> typo = app.get("/stats/total_offres?code_regoin=11");
        assertProblem(typo, 400, "Paramètre invalide", "Paramètre(s) inconnu(s) : ['code_regoin'] ; paramètres acceptés : "
                + "['metier_data', 'offres_dispo_only', 'code_region', 'code_departement', 'code_postal', 'code_insee'].");

        // the rankings document the common filter set; the reference tables no parameter
        assertThat(JSON.readTree(app.get("/stats/classement/region?metier_data=DE&exigence=E").body()).path("detail").asText())
                .isEqualTo("Paramètre(s) inconnu(s) : ['exigence'] ; paramètres acceptés : ['metier_data', 'offres_dispo_only', "
                        + "'code_region', 'code_departement', 'code_postal', 'code_insee'].");
        assertThat(JSON.readTree(app.get("/mapping_localisation/region?format=csv").body()).path("detail").asText())
                .isEqualTo("Paramètre(s) inconnu(s) : ['format'] ; cette adresse n'accepte aucun paramètre.");
        for (String path : List.of("/offre/plusieurs_offres", "/offre/attributs_from_transformations", "/stats/total_offres_factices",
                "/stats/classement/departement", "/stats/classement/ville", "/criteres_recruteurs/competences",
                "/criteres_recruteurs/experiences", "/criteres_recruteurs/qualites_professionnelles",
                "/criteres_recruteurs/qualifications", "/criteres_recruteurs/formations", "/criteres_recruteurs/permis_conduire",
                "/criteres_recruteurs/langues", "/mapping_localisation/commune", "/about", "/admin/harvests", "/admin/harvests/1")) {
            HttpResponse<String> response = app.get(path + "?code_regoin=11");
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("Paramètre(s) inconnu(s) : ['code_regoin']");
        }
        // a write is refused before anything happens, token or not
        HttpResponse<String> harvest = app.send(HttpRequest.newBuilder(URI.create(app.url("/admin/harvest?extraction_dat=2025-07-01")))
                .POST(HttpRequest.BodyPublishers.noBody()), "Authorization", "Bearer " + TOKEN);
        assertThat(harvest.statusCode()).isEqualTo(400);
        assertThat(harvest.body()).contains("['extraction_dat']", "['extraction_date', 'replay']");
        // documented parameters keep their answers
        assertThat(app.get("/stats/total_offres?metier_data=DE&offres_dispo_only=true&code_region=11&code_departement=75"
                + "&code_postal=75008&code_insee=75108").statusCode()).isEqualTo(200);
        assertThat(app.get("/admin/harvests?limit=5").statusCode()).isEqualTo(200);
    }

    @Test
    void showsARunsErrorInFullOnlyWithTheAdminToken() throws Exception {
        CamelContext context = app.application().camelContext();
        String path = app.application().settings().dataDir().resolve("raw.partial/38972_Data_scientist.json").toString();
        String noConsumer = new CamelExchangeException("No consumers available on endpoint: direct://geocode-batch",
                new DefaultExchange(context)).getMessage();
        String error = "Appellation 38972: cannot write " + path + ": java.nio.file.AccessDeniedException: " + path + "; " + noConsumer;
        DataSource dataSource = app.application().database().dataSource();
        long id = RunRecords.insertRunning(dataSource, LocalDate.of(2025, 7, 1));
        RunRecords.fail(dataSource, id, error);

        String anonymous = JSON.readTree(app.get("/admin/harvests/" + id).body()).path("error").asText();
        assertThat(anonymous).isEqualTo("Appellation 38972: cannot write …/38972_Data_scientist.json: AccessDeniedException: "
                + "…/38972_Data_scientist.json; No consumers available on endpoint: direct://geocode-batch."
                + " (détails avec le jeton administrateur)");
        assertThat(JSON.readTree(app.get("/admin/harvests").body()).get(0).path("error").asText()).isEqualTo(anonymous);

        HttpResponse<String> admin = app.get("/admin/harvests/" + id, "Authorization", "Bearer " + TOKEN);
        assertThat(JSON.readTree(admin.body()).path("error").asText()).isEqualTo(error).contains(path, "Exchange[");
        assertThat(JSON.readTree(app.get("/admin/harvests", "Authorization", "Bearer " + TOKEN).body()).get(0).path("error").asText())
                .isEqualTo(error);
        assertThat(app.get("/admin/harvests/" + id, "Authorization", "Bearer wrong").statusCode()).isEqualTo(403);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String title, String detail) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(ApiProblem.MEDIA_TYPE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("title").asText()).isEqualTo(title);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isEqualTo(detail);
    }

    private static HttpResponse<String> send(String method, String path) {
        return app.send(HttpRequest.newBuilder(URI.create(app.url(path))).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** An answer read off the socket: what Java's HTTP client cannot send (a request line with a broken escape). */
    private record Raw(int status, String head, String body) {
    }

    private static Raw raw(String request) {
        URI base = URI.create(app.url("/"));
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Raw(Integer.parseInt(answer.split(" ")[1]), answer.substring(0, end), answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
