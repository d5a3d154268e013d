package fr.jobmarket.api;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.VerbDefinition;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters each REST verb documents (its {@code param} list in the REST DSL, what OpenAPI shows): a
 * request giving any other one is refused with a 400 naming it, so that a typo such as {@code code_regoin=11} is not
 * answered with unfiltered figures. The first step of every API route (the {@code api} route configuration).
 */
public final class DocumentedParameters {

    /** Beyond this many unknown names, the message gives the count of the others. */
    private static final int NAMED = 20;

    /** REST verb id (the id of the route Camel builds for it) to its query parameters, in documentation order. */
    private final Map<String, List<String>> byVerb;

    DocumentedParameters(Map<String, List<String>> byVerb) {
        this.byVerb = Map.copyOf(byVerb);
    }

    /** Read from the REST definitions once the route files are loaded. */
    public static DocumentedParameters of(CamelContext context) {
        Map<String, List<String>> byVerb = new HashMap<>();
        for (RestDefinition rest : context.getCamelContextExtension().getContextPlugin(Model.class).getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                List<ParamDefinition> params = verb.getParams() == null ? List.of() : verb.getParams();
                byVerb.put(verb.getId(), params.stream().filter(param -> param.getType() == RestParamType.query)
                        .map(ParamDefinition::getName).toList());
            }
        }
        return new DocumentedParameters(byVerb);
    }

    /** Throws a 400 problem naming the query parameters the request's REST verb does not document. */
    public void check(Exchange exchange) {
        List<String> accepted = byVerb.get(exchange.getFromRouteId());
        if (accepted == null) {
            return; // not called through a REST verb (a test sending to the direct: endpoint)
        }
        List<String> unknown = Responder.request(exchange).query().names().stream()
                .filter(name -> !accepted.contains(name)).map(Texts::shortened).toList();
        if (unknown.isEmpty()) {
            return;
        }
        String more = unknown.size() > NAMED ? " (et " + (unknown.size() - NAMED) + " autres)" : "";
        throw ApiProblem.badRequest("Paramètre(s) inconnu(s) : " + Texts.pythonList(unknown.subList(0, Math.min(NAMED, unknown.size())))
                + more + " ; " + (accepted.isEmpty() ? "cette adresse n'accepte aucun paramètre."
                : "paramètres acceptés : " + Texts.pythonList(accepted) + "."));
    }
}
