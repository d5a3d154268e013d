package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Swagger UI at {@code /docs}, served from the swagger-ui webjar (no CDN, works offline) and pointed at
 * {@code /api-doc}; and {@code GET /about}, the attribution France Travail's re-use licence asks for.
 */
public final class DocsEndpoints {

    static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/5.34.1/";
    /** Only these files of the webjar are served: nothing else of the classpath can be reached. */
    static final Set<String> FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js",
            "index.css", "favicon-32x32.png", "favicon-16x16.png");
    public static final String LICENCE = "https://francetravail.io/data/licence";

    private static final String INDEX = """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
              <meta charset="UTF-8">
              <title>API sur les offres d'emploi publiées par France Travail</title>
              <link rel="stylesheet" type="text/css" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
              <script src="/docs/swagger-ui-init.js" charset="UTF-8"></script>
            </body>
            </html>
            """;
    // Syntax highlighting off: the text tables must not be coloured. "Try it out" goes to the server that
    // served this page: the OpenAPI document names the listening address (0.0.0.0), which a browser cannot reach.
    private static final String INIT = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "/api-doc",
                dom_id: "#swagger-ui",
                deepLinking: true,
                syntaxHighlight: false,
                presets: [SwaggerUIBundle.presets.apis],
                layout: "BaseLayout",
                requestInterceptor: function (request) {
                  var target = new URL(request.url, window.location.href);
                  if (target.pathname !== "/api-doc") {
                    target.protocol = window.location.protocol;
                    target.host = window.location.host;
                    request.url = target.toString();
                  }
                  return request;
                }
              });
            };
            """;

    private final Responder responder;

    public DocsEndpoints(Responder responder) {
        this.responder = responder;
    }

    public Answer index(Exchange exchange) {
        return new Answer(200, "text/html; charset=utf-8", INDEX.getBytes(StandardCharsets.UTF_8));
    }

    public Answer file(Exchange exchange) {
        String name = exchange.getMessage().getHeader("file", String.class);
        if ("swagger-ui-init.js".equals(name)) {
            return new Answer(200, "text/javascript; charset=utf-8", INIT.getBytes(StandardCharsets.UTF_8));
        }
        if (name != null && FILES.contains(name)) {
            return new Answer(200, contentType(name), read(SWAGGER_UI + name));
        }
        throw ApiProblem.notFound("Pas de tel fichier de documentation.");
    }

    public Answer about(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", responder.dataSource());
        LocalDate updated = responder.lastExtractionOrNull();
        body.put("derniere_mise_a_jour", updated == null ? null : updated.toString());
        body.put("licence", LICENCE);
        String origin = responder.liveMode()
                ? "Données issues de France Travail (API Offres d'emploi v2), réutilisées selon sa licence"
                : "Données synthétiques du bac à sable (sandbox) de jobmarket, pas des offres de France Travail";
        body.put("mention", origin + " ; date de la dernière extraction réussie : " + (updated == null ? "aucune" : updated) + ".");
        return Answer.json(body);
    }

    private static String contentType(String name) {
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        return name.endsWith(".png") ? "image/png" : "text/javascript; charset=utf-8";
    }

    /** A file of the jar: the webjars' (swagger-ui, echarts) or ours (src/main/resources). */
    static byte[] read(String resource) {
        try (InputStream in = DocsEndpoints.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath: is its webjar a dependency?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
