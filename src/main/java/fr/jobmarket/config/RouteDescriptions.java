package fr.jobmarket.config;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.Route;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteDefinition;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Hawtio and the route list show each route's description. A REST verb's {@code description} documents the
 * operation in OpenAPI but does not reach the route Camel builds for it (JMX reads a route's description once,
 * when the route is created): it is copied onto the route definitions before they start. The route serving the
 * OpenAPI document is created at start; its description is set then.
 */
public final class RouteDescriptions {

    static final String API_DOC_ROUTE = "api-doc";
    static final String API_DOC_DESCRIPTION = "OpenAPI 3 document of the REST API, generated from the REST DSL";

    private RouteDescriptions() {
    }

    /** Call once the routes are loaded and before the context starts. */
    public static void copyFromRestVerbs(CamelContext context) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RouteDefinition route : model.getRouteDefinitions()) {
            if (route.getDescription() == null && Boolean.TRUE.equals(route.isRest()) && route.getInput() != null) {
                String description = descriptionOf(route.getInput().getEndpointUri());
                if (description != null) {
                    route.setDescription(description);
                }
            }
        }
        try {
            context.addStartupListener(new ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    Route apiDoc = started.getRoute(API_DOC_ROUTE);
                    if (apiDoc != null && apiDoc.getDescription() == null) {
                        apiDoc.getProperties().put(Route.DESCRIPTION_PROPERTY, API_DOC_DESCRIPTION);
                    }
                }
            });
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    /** The REST DSL writes the verb's description, URL-encoded, into the rest: endpoint URI of the route it builds. */
    static String descriptionOf(String restUri) {
        int question = restUri.indexOf('?');
        if (question < 0) {
            return null;
        }
        for (String parameter : restUri.substring(question + 1).split("&")) {
            if (parameter.startsWith("description=")) {
                return URLDecoder.decode(parameter.substring("description=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
