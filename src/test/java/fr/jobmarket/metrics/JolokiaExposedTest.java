package fr.jobmarket.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.jobmarket.support.TestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With jobmarket.jolokia.exposed=true, Jolokia answers callers from any address that give the admin token, as a
 * bearer token or as the password of Basic credentials (what Hawtio sends), and nobody without it, loopback included.
 */
class JolokiaExposedTest {

    private static final String TOKEN = "jolokia-admin-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestApplication app;

    @BeforeAll
    static void startService() {
        app = TestApplication.start(Map.of("jobmarket.admin.token", TOKEN, "jobmarket.jolokia.exposed", "true"));
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void refusesCallersWithoutTheAdminTokenAndServesThoseWithIt() throws Exception {
        for (String url : urls()) {
            HttpResponse<String> anonymous = get(url);
            assertThat(anonymous.statusCode()).as(url).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(url).hasValue("Basic realm=\"jobmarket\"");
            assertThat(anonymous.headers().firstValue("Content-Type")).as(url).hasValue("application/problem+json");
            assertThat(JSON.readTree(anonymous.body()).path("title").asText()).isEqualTo("Authentification requise");
            assertThat(anonymous.body()).doesNotContain("agent");

            assertThat(get(url, "Authorization", "Bearer not-the-token").statusCode()).as(url).isEqualTo(403);
            assertThat(get(url, "Authorization", basic("admin", "not-the-token")).statusCode()).as(url).isEqualTo(403);

            assertVersion(get(url, "Authorization", "Bearer " + TOKEN), url);
            assertVersion(get(url, "Authorization", basic("hawtio", TOKEN)), url);
        }
    }

    @Test
    void keepsTheAccessPolicyForAuthenticatedCallers() throws Exception {
        HttpResponse<String> stop = app.send(HttpRequest.newBuilder(URI.create(app.url("/observe/jolokia")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=jobmarket,"
                        + "type=routes,name=\\\"get-about\\\"\",\"operation\":\"stop()\"}")),
                "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(JSON.readTree(stop.body()).path("status").asInt()).isEqualTo(403);
        assertThat(app.get("/about").statusCode()).isEqualTo(200);
    }

    /** Loopback, and another address of the machine when it has one. */
    private static List<String> urls() {
        List<String> urls = new ArrayList<>(List.of(app.url("/observe/jolokia/version")));
        app.nonLoopbackUrl("/observe/jolokia/version").ifPresent(urls::add);
        return urls;
    }

    private static void assertVersion(HttpResponse<String> response, String url) throws Exception {
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        JsonNode version = JSON.readTree(response.body());
        assertThat(version.path("value").path("agent").asText()).as(url).isNotEmpty();
    }

    private static HttpResponse<String> get(String url, String... headers) {
        return app.send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
