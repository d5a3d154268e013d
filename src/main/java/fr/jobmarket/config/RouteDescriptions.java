package fr.jobmarket.config;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.Route;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;

import java.util.HashMap;
import java.util.Map;

/**
 * Hawtio and the route list show each route's description. A REST verb's {@code description} documents the
 * operation in OpenAPI but does not reach the route Camel builds for it: it is copied there once the routes
 * exist. The route serving the OpenAPI document gets one too.
 */
public final class RouteDescriptions {

    static final String API_DOC_ROUTE = "api-doc";

    private RouteDescriptions() {
    }

    /** REST routes exist only once the context has started: the copy runs then. */
    public static void copyFromRestVerbsOnceStarted(CamelContext context) {
        try {
            context.addStartupListener(new ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext started, boolean alreadyStarted) {
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext started, boolean alreadyStarted) {
                    fromRestVerbs(started);
                }
            });
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
    }

    static void fromRestVerbs(CamelContext context) {
        Map<String, String> verbs = new HashMap<>();
        verbs.put(API_DOC_ROUTE, "OpenAPI 3 document of the REST API, generated from the REST DSL");
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (verb.getId() != null && verb.getDescription() != null) {
                    verbs.put(verb.getId(), verb.getDescription());
                }
            }
        }
        for (Route route : context.getRoutes()) {
            String description = verbs.get(route.getRouteId());
            if (route.getDescription() == null && description != null) {
                route.getProperties().put(Route.DESCRIPTION_PROPERTY, description);
            }
        }
    }
}
