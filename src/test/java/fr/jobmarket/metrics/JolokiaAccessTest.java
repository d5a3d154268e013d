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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Jolokia at /observe/jolokia behind src/main/resources/jolokia-access.xml: the requests Hawtio's JMX and Camel
 * views send (list, read of the context and route MBeans, route source and statistics dumps) succeed; anything
 * that would stop, change or leak is refused. With the default settings it answers callers on loopback only.
 */
class JolokiaAccessTest {

    private static final String SECRET = "client-secret-that-must-not-leak";
    private static final String CONTEXT = "org.apache.camel:context=jobmarket,type=context,name=\"jobmarket\"";
    private static final String ROUTE = "org.apache.camel:context=jobmarket,type=routes,name=\"get-about\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestApplication app;

    @BeforeAll
    static void startService() {
        app = TestApplication.start(Map.of("jobmarket.ft.client.secret", SECRET, "jobmarket.admin.token", SECRET));
        app.get("/about");
        app.get("/about");
    }

    @AfterAll
    static void stopService() {
        app.close();
    }

    @Test
    void readsTheCamelContextAndItsStatistics() throws Exception {
        JsonNode answer = jolokia(Map.of("type", "read", "mbean", CONTEXT, "attribute", List.of("CamelId", "State", "ExchangesTotal")));

        assertThat(answer.path("status").asInt()).isEqualTo(200);
        assertThat(answer.path("value").path("CamelId").asText()).isEqualTo("jobmarket");
        assertThat(answer.path("value").path("State").asText()).isEqualTo("Started");
        assertThat(answer.path("value").path("ExchangesTotal").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void readsEveryRouteMBeanWithOurRouteIdsAndStatistics() throws Exception {
        JsonNode answer = jolokia(Map.of("type", "read", "mbean", "org.apache.camel:context=jobmarket,type=routes,*",
                "attribute", List.of("RouteId", "Description", "State", "ExchangesTotal", "MeanProcessingTime")));

        assertThat(answer.path("status").asInt()).isEqualTo(200);
        List<String> routeIds = new ArrayList<>();
        answer.path("value").forEach(route -> routeIds.add(route.path("RouteId").asText()));
        assertThat(routeIds).contains("get-about", "harvest", "harvest-schedule", "warehouse-load", "france-travail-search");
        JsonNode about = answer.path("value").path(ROUTE);
        assertThat(about.path("State").asText()).isEqualTo("Started");
        assertThat(about.path("ExchangesTotal").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(about.path("Description").asText()).as("what Hawtio shows of the route").startsWith("Source des données");
    }

    @Test
    void answersTheRequestsOfHawtiosCamelViews() throws Exception {
        JsonNode answers = jolokia(List.of(
                Map.of("type", "list", "config", Map.of("maxDepth", 9, "ignoreErrors", true)),
                Map.of("type", "search", "mbean", "org.apache.camel:type=context,*"),
                Map.of("type", "exec", "mbean", CONTEXT, "operation", "dumpRoutesAsXml()"),
                Map.of("type", "exec", "mbean", CONTEXT, "operation", "dumpRoutesStatsAsXml(boolean,boolean)", "arguments", List.of(true, true)),
                Map.of("type", "exec", "mbean", ROUTE, "operation", "dumpRouteStatsAsXml(boolean,boolean)", "arguments", List.of(false, true)),
                Map.of("type", "exec", "mbean", ROUTE, "operation", "dumpRouteAsXml()"),
                Map.of("type", "exec", "mbean", ROUTE, "operation", "dumpRouteSourceLocationsAsXml()")));

        for (JsonNode answer : answers) {
            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        }
        assertThat(answers.get(0).path("value").has("org.apache.camel")).isTrue();
        assertThat(answers.get(1).path("value").toString()).contains("type=context");
        assertThat(answers.get(2).path("value").asText()).contains("<route id=\"harvest\"").contains("<route id=\"get-about\"");
        assertThat(answers.get(3).path("value").asText()).contains("id=\"get-about\"").contains("exchangesTotal=");
        assertThat(answers.get(4).path("value").asText()).contains("exchangesCompleted=");
        assertThat(answers.get(5).path("value").asText()).contains("id=\"get-about\"").contains("direct:api-about");
    }

    @Test
    void refusesWhatWouldStopOrChangeTheService() throws Exception {
        JsonNode answers = jolokia(List.of(
                Map.of("type", "exec", "mbean", ROUTE, "operation", "stop()"),
                Map.of("type", "exec", "mbean", ROUTE, "operation", "remove()"),
                Map.of("type", "exec", "mbean", CONTEXT, "operation", "suspend()"),
                Map.of("type", "exec", "mbean", CONTEXT, "operation", "sendStringBody(java.lang.String,java.lang.String)",
                        "arguments", List.of("direct:harvest-trigger", "x")),
                Map.of("type", "exec", "mbean", "java.lang:type=Memory", "operation", "gc()"),
                Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic", "operation",
                        "dumpHeap(java.lang.String,boolean)", "arguments", List.of("/tmp/heap.hprof", true)),
                Map.of("type", "write", "mbean", ROUTE, "attribute", "Tracing", "value", true)));

        for (JsonNode answer : answers) {
            assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(403);
        }
        JsonNode route = jolokia(Map.of("type", "read", "mbean", ROUTE, "attribute", "State"));
        assertThat(route.path("value").asText()).isEqualTo("Started");
        assertThat(app.get("/about").statusCode()).isEqualTo(200);
    }

    @Test
    void neverShowsSystemPropertiesOrSettingsSecrets() throws Exception {
        JsonNode runtime = jolokia(Map.of("type", "read", "mbean", "java.lang:type=Runtime", "attribute", "SystemProperties"));
        assertThat(runtime.path("status").asInt()).isEqualTo(403);

        JsonNode everything = jolokia(Map.of("type", "read", "mbean", "*:*", "config", Map.of("ignoreErrors", true)));
        assertThat(everything.path("status").asInt()).isEqualTo(200);
        assertThat(everything.path("value").size()).isGreaterThan(20);
        assertThat(everything.toString()).doesNotContain(SECRET);
    }

    @Test
    void answersOnLoopbackOnlyByDefault() throws Exception {
        assertThat(app.get("/observe/jolokia/version").statusCode()).isEqualTo(200);
        Optional<String> remote = app.nonLoopbackUrl("/observe/jolokia/version");
        assumeTrue(remote.isPresent(), "this machine has no address other than loopback");

        HttpResponse<String> refused = app.send(HttpRequest.newBuilder(URI.create(remote.get())).GET());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(refused.body()).path("detail").asText()).isEqualTo("Jolokia ne répond qu'aux appels locaux (loopback).");
        // not even with the admin token, nor by another spelling of the path, nor by POST
        assertThat(app.send(HttpRequest.newBuilder(URI.create(remote.get())).GET(), "Authorization", "Bearer " + SECRET).statusCode()).isEqualTo(403);
        assertThat(app.send(HttpRequest.newBuilder(URI.create(remote.get().replace("/observe/jolokia/version", "/observe//jolokia/./version"))).GET())
                .statusCode()).isEqualTo(403);
        assertThat(app.send(HttpRequest.newBuilder(URI.create(remote.get().replace("/version", ""))).POST(
                HttpRequest.BodyPublishers.ofString("{\"type\":\"version\"}")), "Content-Type", "application/json").statusCode()).isEqualTo(403);
        // the rest of the service answers on every address
        assertThat(app.send(HttpRequest.newBuilder(URI.create(remote.get().replace("/observe/jolokia/version", "/about"))).GET())
                .statusCode()).isEqualTo(200);
    }

    private static JsonNode jolokia(Object request) throws Exception {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(app.url("/observe/jolokia")))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)));
        return JSON.readTree(app.send(post, "Content-Type", "application/json").body());
    }
}
