package fr.jobmarket.francetravail;

import org.apache.camel.model.ChoiceDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.OutputNode;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.model.WhenDefinition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hawtio draws the paging routes from their nodes: each one says what it is and what it does. */
class PagingRouteNodesTest {

    @Test
    void everyNodeOfThePagingRoutesHasAnIdAndADescription() throws Exception {
        try (PagingRoutes routes = PagingRoutes.start(Map.of(), Clock.systemUTC(), () -> 0.5)) {
            List<RouteDefinition> definitions = routes.context().getCamelContextExtension().getContextPlugin(Model.class)
                    .getRouteDefinitions().stream()
                    .filter(route -> route.getId().startsWith("harvest-") || route.getId().startsWith("france-travail-"))
                    .toList();
            assertThat(definitions).extracting(RouteDefinition::getId).contains("harvest-appellation", "harvest-query",
                    "france-travail-search", "france-travail-request", "france-travail-token", "france-travail-token-request");

            List<String> undescribed = new ArrayList<>();
            for (RouteDefinition route : definitions) {
                assertThat(route.getDescriptionText()).as(route.getId()).isNotBlank();
                for (ProcessorDefinition<?> node : route.getOutputs()) {
                    collectUndescribed(route.getId(), node, undescribed);
                }
            }
            assertThat(undescribed).isEmpty();
        }
    }

    private static void collectUndescribed(String route, OptionalIdentifiedDefinition<?> node, List<String> undescribed) {
        if (node instanceof ToDefinition to && to.getUri().startsWith("mock:")) {
            return; // woven in by the test
        }
        if (!node.hasCustomIdAssigned() || node.getDescriptionText() == null || node.getDescriptionText().isBlank()) {
            undescribed.add(route + ": " + node.getShortName() + " " + node.getId());
        }
        List<OptionalIdentifiedDefinition<?>> children = new ArrayList<>();
        if (node instanceof OutputNode && node instanceof ProcessorDefinition<?> processor) {
            children.addAll(processor.getOutputs());
        }
        if (node instanceof ChoiceDefinition choice) {
            children.addAll(choice.getWhenClauses());
            if (choice.getOtherwise() != null) {
                children.add(choice.getOtherwise());
            }
        }
        if (node instanceof WhenDefinition when) {
            children.addAll(when.getOutputs());
        }
        if (node instanceof TryDefinition doTry) {
            children.addAll(doTry.getCatchClauses());
            if (doTry.getFinallyClause() != null) {
                children.add(doTry.getFinallyClause());
            }
        }
        for (OptionalIdentifiedDefinition<?> child : children) {
            if (child != node) {
                collectUndescribed(route, child, undescribed);
            }
        }
    }
}
