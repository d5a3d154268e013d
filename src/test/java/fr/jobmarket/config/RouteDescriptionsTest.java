package fr.jobmarket.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteDescriptionsTest {

    @Test
    void readsTheVerbDescriptionTheRestDslWritesIntoTheEndpointUri() {
        assertThat(RouteDescriptions.descriptionOf("rest://get:/about?produces=application%2Fjson&description="
                + "Source+des+donn%C3%A9es%2C+lien+vers+la+licence"))
                .isEqualTo("Source des données, lien vers la licence");
        assertThat(RouteDescriptions.descriptionOf("rest://get:/about?produces=application%2Fjson")).isNull();
        assertThat(RouteDescriptions.descriptionOf("rest://get:/about")).isNull();
    }
}
