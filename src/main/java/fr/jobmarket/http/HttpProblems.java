package fr.jobmarket.http;

import fr.jobmarket.api.ApiProblem;
import fr.jobmarket.api.Texts;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.HttpEndpointModel;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The errors Vert.x answers before any Camel route runs, answered as RFC 7807 problems like the API's own
 * ({@link ApiProblem}): no route at that address (404), a method or a representation the route does not serve (405,
 * 406), a body over {@code camel.server.max-body-size} (413), an address that cannot be decoded (400), and, through
 * {@link ServerVertx}, requests too malformed to reach the router (414, 431, 400).
 */
public final class HttpProblems {

    private static final Logger LOG = LoggerFactory.getLogger(HttpProblems.class);
    /** A '%' not followed by two hexadecimal digits, which Vert.x and Netty refuse to decode. */
    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private final PlatformHttpComponent component;
    private final Long maxBodySize;

    private HttpProblems(PlatformHttpComponent component, Long maxBodySize) {
        this.component = component;
        this.maxBodySize = maxBodySize;
    }

    /**
     * Puts the problem answers on the HTTP server's routers, once it has started. Both routers: a request no route
     * matches ends in the root router, a failure inside a route's handlers in the router Camel adds its routes to.
     */
    public static void install(CamelContext context) {
        VertxPlatformHttpServer server = context.hasService(VertxPlatformHttpServer.class);
        MainHttpServer main = context.hasService(MainHttpServer.class);
        if (server == null || main == null) {
            return; // no HTTP server (camel.server.enabled=false)
        }
        HttpProblems problems = new HttpProblems(context.getComponent("platform-http", PlatformHttpComponent.class),
                main.getMaxBodySize());
        Router root = (Router) server.getServer().requestHandler();
        Router routes = VertxPlatformHttpRouter.lookup(context, VertxPlatformHttpRouter.getRouterNameFromPort(server.getConfigurationPort()));
        for (Router router : List.of(root, routes)) {
            for (int status : new int[] {400, 404, 405, 406, 413, 500}) {
                router.errorHandler(status, routing -> problems.answer(routing, status));
            }
        }
    }

    /**
     * For requests Vert.x cannot parse: request line over {@link HttpServerOptions#getMaxInitialLineLength()} (414),
     * headers over {@link HttpServerOptions#getMaxHeaderSize()} (431), anything else malformed (400). Like Vert.x's
     * own handler, it closes the connection once the answer is written.
     */
    static Handler<HttpServerRequest> invalidRequest(HttpServerOptions options) {
        return request -> {
            Throwable cause = request.decoderResult().cause();
            ApiProblem problem;
            if (cause instanceof TooLongHttpLineException) {
                problem = new ApiProblem(414, "Adresse trop longue", "La ligne de requête (méthode, adresse et chaîne de requête) dépasse "
                        + Texts.thousands(options.getMaxInitialLineLength()) + " caractères.");
            } else if (cause instanceof TooLongHttpHeaderException) {
                problem = new ApiProblem(431, "En-têtes trop volumineux", "Les en-têtes de la requête dépassent "
                        + Texts.thousands(options.getMaxHeaderSize()) + " octets.");
            } else {
                problem = new ApiProblem(400, "Requête invalide", "La requête HTTP est mal formée.");
            }
            HttpServerResponse response = request.response();
            write(response, problem, null).onComplete(written -> response.close());
        };
    }

    private void answer(RoutingContext routing, int status) {
        HttpServerResponse response = routing.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.close(); // a failure in the middle of an answer: nothing better than cutting it short
            return;
        }
        HttpServerRequest request = routing.request();
        String path = request.path();
        List<HttpEndpointModel> endpoints = endpointsAt(path);
        ApiProblem problem = switch (status) {
            case 400 -> new ApiProblem(400, "Requête invalide", BAD_ESCAPE.matcher(String.valueOf(request.uri())).find()
                    ? "L'adresse est mal encodée : un '%' doit être suivi de deux chiffres hexadécimaux."
                    : "La requête HTTP est mal formée.");
            case 404 -> ApiProblem.notFound("Aucune ressource à l'adresse " + Texts.quoted(Texts.shortened(path))
                    + " ; les adresses de l'API sont décrites sur /docs.");
            case 405 -> new ApiProblem(405, "Méthode non autorisée", "La méthode " + request.method().name()
                    + " n'est pas acceptée à l'adresse " + Texts.quoted(Texts.shortened(path))
                    + listed(" (méthodes acceptées : ", allowed(endpoints), ").", "."));
            case 406 -> new ApiProblem(406, "Représentation non disponible", "L'en-tête Accept demande "
                    + Texts.quoted(Texts.shortened(String.valueOf(request.getHeader("Accept"))))
                    + listed(" ; cette adresse répond en ", produced(endpoints), ".", " : cette adresse ne la sert pas."));
            case 413 -> new ApiProblem(413, "Requête trop volumineuse", "Le corps de la requête dépasse "
                    + (maxBodySize == null ? "la taille acceptée." : Texts.thousands(maxBodySize) + " octets."));
            default -> {
                LOG.error("{} {} failed before reaching its route: {}", request.method(), path, routing.failure(), routing.failure());
                yield ApiProblem.internalError();
            }
        };
        if (status == 405) {
            response.putHeader("Allow", String.join(", ", allowed(endpoints)));
        }
        write(response, problem, path);
    }

    /** The HTTP endpoints Camel registered (REST verbs, platform-http routes, /observe) whose path template matches. */
    private List<HttpEndpointModel> endpointsAt(String path) {
        List<HttpEndpointModel> found = new ArrayList<>();
        if (path != null) {
            Stream.concat(component.getHttpEndpoints().stream(), component.getHttpManagementEndpoints().stream())
                    .filter(endpoint -> matches(endpoint.getUri(), path)).forEach(found::add);
        }
        return found;
    }

    /** {@code /admin/harvests/{id}} matches {@code /admin/harvests/12}: a {@code {name}} segment matches any one segment. */
    static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] given = path.split("/", -1);
        if (expected.length != given.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{") && expected[i].endsWith("}") && !given[i].isEmpty();
            if (!parameter && !expected[i].equals(given[i])) {
                return false;
            }
        }
        return true;
    }

    private static String listed(String before, Set<String> values, String after, String whenNone) {
        return values.isEmpty() ? whenNone : before + String.join(", ", values) + after;
    }

    private static Set<String> allowed(List<HttpEndpointModel> endpoints) {
        Set<String> methods = new LinkedHashSet<>();
        endpoints.forEach(endpoint -> methods.addAll(List.of(String.valueOf(endpoint.getVerbs()).split(","))));
        return methods;
    }

    private static Set<String> produced(List<HttpEndpointModel> endpoints) {
        Set<String> types = new LinkedHashSet<>();
        endpoints.stream().filter(endpoint -> endpoint.getProduces() != null)
                .forEach(endpoint -> types.addAll(List.of(endpoint.getProduces().split(","))));
        return types;
    }

    /** The problem as the answer: its status, {@code application/problem+json}, the body of {@link ApiProblem#body}. */
    static io.vertx.core.Future<Void> write(HttpServerResponse response, ApiProblem problem, String instance) {
        return response.setStatusCode(problem.status()).putHeader("Content-Type", ApiProblem.MEDIA_TYPE).end(problem.body(instance));
    }
}
