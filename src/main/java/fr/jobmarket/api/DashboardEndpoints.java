package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import org.apache.camel.Exchange;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The market dashboard at {@code /} and {@code /dashboard}: one HTML page, its scripts and style, the map
 * outlines and Apache ECharts from its webjar, all from the service's own jar (no CDN: it works offline).
 * Its figures come from the query API's JSON answers, fetched by the page itself.
 */
public final class DashboardEndpoints {

    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String PAGE = "/web/dashboard.html";
    /** The only files served under /dashboard/: nothing else of the classpath can be reached. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("echarts.min.js", ECHARTS),
            Map.entry("dashboard.css", "/web/dashboard.css"),
            Map.entry("dashboard.js", "/web/dashboard.js"),
            Map.entry("api.js", "/web/api.js"),
            Map.entry("format.js", "/web/format.js"),
            Map.entry("state.js", "/web/state.js"),
            Map.entry("charts.js", "/web/charts.js"),
            Map.entry("pages.js", "/web/pages.js"),
            Map.entry("regions.geojson", "/web/geo/regions.geojson"),
            Map.entry("departements.geojson", "/web/geo/departements.geojson"),
            Map.entry("communes.json", "/web/geo/communes.json"));

    /** The files are small (ECharts is the largest, 1 MB) and never change while the service runs. */
    private final Map<String, byte[]> read = new ConcurrentHashMap<>();

    public Answer page(Exchange exchange) {
        return new Answer(200, "text/html; charset=utf-8", bytes(PAGE));
    }

    public Answer file(Exchange exchange) {
        String name = exchange.getMessage().getHeader("file", String.class);
        String resource = name == null ? null : FILES.get(name);
        if (resource == null) {
            throw ApiProblem.notFound("Pas de tel fichier du tableau de bord.");
        }
        return new Answer(200, contentType(name), bytes(resource));
    }

    private byte[] bytes(String resource) {
        return read.computeIfAbsent(resource, DocsEndpoints::read);
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".geojson")) {
            return "application/geo+json";
        }
        return name.endsWith(".json") ? "application/json" : "text/javascript; charset=utf-8";
    }
}
