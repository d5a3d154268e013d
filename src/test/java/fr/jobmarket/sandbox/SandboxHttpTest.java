package fr.jobmarket.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox endpoints over real HTTP on loopback, served by the whole application. */
class SandboxHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;

    @BeforeAll
    static void startInSandboxMode() {
        app = TestApplication.start(Map.of("jobmarket.sandbox.offers", "500"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void servesTokenSearchAndGeocoderLikeTheRemoteApis() throws Exception {
        HttpResponse<String> token = app.send(HttpRequest.newBuilder(URI.create(
                        app.url("/sandbox/connexion/oauth2/access_token?realm=/partenaire")))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=demo&client_secret=s%C3%A9cret&scope=api_offresdemploiv2%20o2dsoffre")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(token.statusCode()).isEqualTo(200);
        JsonNode tokenBody = JSON.readTree(token.body());
        assertThat(tokenBody.get("expires_in").asInt()).isEqualTo(1499);
        assertThat(tokenBody.get("scope").asText()).isEqualTo("api_offresdemploiv2 o2dsoffre");
        String bearer = "Bearer " + tokenBody.get("access_token").asText();

        String search = "/sandbox/partenaire/offresdemploi/v2/offres/search?appellation=14153&paysContinent=01";
        HttpResponse<String> first = app.get(search + "&range=0-149", "Authorization", bearer);
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.headers().firstValue("Content-Range")).hasValue("offres 0-149/200");
        assertThat(first.headers().firstValue("Authorization")).isEmpty();
        JsonNode page = JSON.readTree(first.body());
        assertThat(page.get("resultats")).hasSize(150);
        assertThat(page.get("filtresPossibles")).isNotEmpty();

        HttpResponse<String> last = app.get(search + "&range=150-299", "Authorization", bearer);
        assertThat(last.statusCode()).isEqualTo(206);
        assertThat(last.headers().firstValue("Content-Range")).hasValue("offres 150-199/200");

        assertThat(app.get(search + "&range=3150-3299", "Authorization", bearer).body())
                .contains("La position de début doit être inférieure ou égale à 3000.");
        HttpResponse<String> none = app.get(search.replace("14153", "404279"), "Authorization", bearer);
        assertThat(none.statusCode()).isEqualTo(204);
        assertThat(none.body()).isEmpty();
        assertThat(app.get(search).statusCode()).isEqualTo(401);

        HttpResponse<String> reverse = app.get("/sandbox/geocoder/reverse?lon=2.3125&lat=48.8727");
        assertThat(reverse.statusCode()).isEqualTo(200);
        JsonNode properties = JSON.readTree(reverse.body()).at("/features/0/properties");
        assertThat(properties.get("citycode").asText()).isEqualTo("75108");
        assertThat(properties.get("postcode").asText()).isEqualTo("75008");
    }

    @Test
    void answersABatchOfPointsUploadedAsAMultipartCsvLikeTheGeoplateforme() {
        String form = "--XyZ\r\nContent-Disposition: form-data; name=\"delimiter\"\r\n\r\n,\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"data\"; filename=\"points.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nlat,lon\n48.8727,2.3125\nabc,1\n\r\n--XyZ--\r\n";
        HttpResponse<String> answer = app.send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/geocoder/reverse/csv")))
                .POST(HttpRequest.BodyPublishers.ofString(form)), "Content-Type", "multipart/form-data; boundary=XyZ");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String[] rows = answer.body().split("\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).startsWith("lat,lon,result_latitude,result_longitude,result_label,").contains(",result_citycode,")
                .endsWith(",result_status");
        assertThat(rows[1]).startsWith("48.8727,2.3125,").contains(",75008,", ",75108,", ",\"75, ").endsWith(",ok");
        assertThat(rows[2]).startsWith("abc,1,").endsWith(",skipped");

        HttpResponse<String> withoutFile = app.send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/geocoder/reverse/csv")))
                .POST(HttpRequest.BodyPublishers.ofString("lat,lon\n48.8727,2.3125\n")), "Content-Type", "text/csv");
        assertThat(withoutFile.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesATokenRequestWithoutGrantType() {
        HttpResponse<String> token = app.send(HttpRequest.newBuilder(URI.create(
                        app.url("/sandbox/connexion/oauth2/access_token?realm=/partenaire")))
                .POST(HttpRequest.BodyPublishers.ofString("client_id=demo&client_secret=x")),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(token.statusCode()).isEqualTo(400);
    }

    @Test
    void servesRequestStatisticsAndResetsThem() throws Exception {
        HttpResponse<String> reset = app.send(HttpRequest.newBuilder(URI.create(app.url("/sandbox/stats/reset")))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(reset.body()).get("requests").asLong()).isZero();
        app.get("/sandbox/partenaire/offresdemploi/v2/offres/search?appellation=14153", "Authorization", "Bearer unknown");

        HttpResponse<String> stats = app.get("/sandbox/stats");
        assertThat(stats.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(stats.body());
        assertThat(body.get("requests").asLong()).isEqualTo(1);
        assertThat(body.get("busiest_window_requests").asInt()).isEqualTo(1);
        assertThat(body.get("refused_429").asLong()).isZero();
        assertThat(body.get("first_request").asText()).isEqualTo(body.get("last_request").asText()).endsWith("Z");
    }

    @Test
    void answersNotFoundInLiveMode() {
        try (TestApplication live = TestApplication.start(Map.of("jobmarket.ft.client.id", "id",
                "jobmarket.ft.client.secret", "secret"))) {
            HttpResponse<String> response = live.get("/sandbox/partenaire/offresdemploi/v2/offres/search?appellation=14153");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(live.get("/sandbox/geocoder/reverse?lon=2.3125&lat=48.8727").statusCode()).isEqualTo(404);
            assertThat(live.get("/sandbox/stats").statusCode()).isEqualTo(404);
        }
    }
}
