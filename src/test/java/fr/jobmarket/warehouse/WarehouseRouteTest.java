package fr.jobmarket.warehouse;

import fr.jobmarket.support.TestApplication;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarehouseRouteTest {

    @Test
    void warehouseLoadRouteLoadsTheHistoryFileOfTheBodyAndReturnsTheReport() {
        try (TestApplication application = TestApplication.start()) {
            ProducerTemplate producer = application.application().camelContext().createProducerTemplate();

            LoadReport report = producer.requestBodyAndHeader("direct:warehouse-load",
                    WarehouseTables.resource("history-1.json").toString(), "extractionDate", "2025-03-02", LoadReport.class);

            assertThat(report.offersStaged()).isEqualTo(4);
            assertThat(report.table("offre_competence").inserted()).isEqualTo(7);
            assertThat(report.asMap()).containsEntry("offers_loaded", 4L);
            assertThatThrownBy(() -> producer.requestBodyAndHeaders("direct:warehouse-load", "/nowhere/history.json",
                    Map.of("extractionDate", "2025-03-02")))
                    .cause().isInstanceOf(WarehouseLoadException.class)
                    .hasMessageContaining("/nowhere/history.json").hasMessageContaining("unchanged");
        }
    }
}
