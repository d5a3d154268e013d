package fr.jobmarket.warehouse;

import fr.jobmarket.support.TestApplication;
import fr.jobmarket.support.TestDatabase;
import fr.jobmarket.support.WarehouseRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.Model;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.jobmarket.warehouse.WarehouseTables.dump;
import static fr.jobmarket.warehouse.WarehouseTables.resource;
import static fr.jobmarket.warehouse.WarehouseTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseRouteTest {

    @Test
    void warehouseLoadRouteLoadsTheHistoryFileOfTheBodyAndReturnsTheReport() {
        TestDatabase.truncateAll();
        try (TestApplication application = TestApplication.start()) {
            ProducerTemplate producer = application.application().camelContext().createProducerTemplate();

            Exchange loaded = producer.request("direct:warehouse-load", exchange -> {
                exchange.getMessage().setBody(WarehouseTables.resource("history-1.json").toString());
                exchange.setProperty("extractionDate", "2025-03-02");
            });
            LoadReport report = loaded.getMessage().getBody(LoadReport.class);

            assertThat(report.offersStaged()).isEqualTo(4);
            assertThat(report.table("offre_competence").inserted()).isEqualTo(7);
            assertThat(report.asMap()).containsEntry("offers_loaded", 4L);
            Exchange failed = producer.request("direct:warehouse-load", exchange -> {
                exchange.getMessage().setBody("/nowhere/history.json");
                exchange.setProperty("extractionDate", "2025-03-02");
            });
            assertThat(failed.getException()).isInstanceOf(WarehouseLoadException.class)
                    .hasMessageContaining("/nowhere/history.json").hasMessageContaining("unchanged");
        }
    }

    @Test
    void eachChunkOfTheHistoryFansOutToBothStagingRoutes() throws Exception {
        TestDatabase.truncateAll();
        try (WarehouseRoutes routes = WarehouseRoutes.start(TestDatabase.dataSource(), WarehouseTables.settings(true))) {
            routes.load(resource("history-1.json"), LocalDate.parse("2025-03-02"));

            // four offers: one chunk
            assertThat(completed(routes.context(), "warehouse-split-history")).isEqualTo(1);
            assertThat(completed(routes.context(), "warehouse-fan-out")).isEqualTo(1);
            assertThat(completed(routes.context(), "warehouse-copy-offers")).isEqualTo(1);
            assertThat(completed(routes.context(), "warehouse-copy-criteria")).isEqualTo(1);
            assertThat(completed(routes.context(), "warehouse-apply-transaction")).isEqualTo(1);
            assertThat(rows("SELECT count(*) FROM offreemploi")).containsExactly("4");
        }
    }

    @Test
    void aFailingStagingRouteLeavesTheWarehouseUnchangedAndReleasesTheLock() throws Exception {
        TestDatabase.truncateAll();
        WarehouseTables.load("history-1.json", "2025-03-02");
        Map<String, List<String>> before = dump();
        CamelContext context = new DefaultCamelContext();
        WarehouseRoutes.configure(context, TestDatabase.dataSource(), WarehouseTables.settings(false));
        AdviceWith.adviceWith(context, "warehouse-stage-criteria", route -> route.weaveById("warehouse-copy-criteria")
                .replace().throwException(new java.sql.SQLException("injected staging failure")));
        context.start();
        try {
            Exchange failed = context.createProducerTemplate().send("direct:warehouse-load", exchange -> {
                exchange.getMessage().setBody(resource("history-2.json"));
                exchange.setProperty("extractionDate", LocalDate.parse("2025-04-05"));
            });

            assertThat(failed.getException()).isInstanceOf(WarehouseLoadException.class)
                    .hasMessageContaining("history-2.json").hasMessageContaining("injected staging failure")
                    .hasMessageContaining("unchanged");
            assertThat(completed(context, "warehouse-apply-transaction")).isZero();
        } finally {
            context.stop();
        }

        assertThat(dump()).isEqualTo(before);
        assertThat(rows("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).containsExactly("0");
        assertThat(rows("SELECT count(*) FROM staging_offre")).containsExactly("0");
        // and the next load gets the lock
        assertThat(WarehouseTables.load("history-2.json", "2025-04-05").offersStaged()).isEqualTo(4);
    }

    @Test
    void everyNodeOfTheWarehouseRoutesHasAnIdAndADescription() throws Exception {
        List<String> missing = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            WarehouseRoutes.configure(context, TestDatabase.dataSource(), WarehouseTables.settings(false));
            for (RouteDefinition route : context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions()) {
                check(route, missing);
                route.getOutputs().forEach(node -> checkTree(node, missing));
            }
        }
        assertThat(missing).isEmpty();
    }

    private static void checkTree(ProcessorDefinition<?> node, List<String> missing) {
        check(node, missing);
        node.getOutputs().forEach(child -> checkTree(child, missing));
    }

    private static void check(OptionalIdentifiedDefinition<?> node, List<String> missing) {
        if (!node.hasCustomIdAssigned() || node.getDescriptionText() == null) {
            missing.add(node.getShortName() + " " + node.getId());
        }
    }

    private static long completed(CamelContext context, String id) throws Exception {
        return context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class)
                .getManagedProcessor(id).getExchangesCompleted();
    }
}
