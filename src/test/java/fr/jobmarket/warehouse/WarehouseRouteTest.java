package fr.jobmarket.warehouse;

import fr.jobmarket.support.TestApplication;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WarehouseRouteTest {

    @Test
    void warehouseLoadRouteLoadsTheHistoryFileOfTheBodyAndReturnsTheReport() {
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
}
