package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchPageTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesTheTotalFromContentRangeOnA206() {
        SearchPage page = SearchPage.read(206, "offres 0-1/351", json("{\"resultats\":[{\"id\":\"A\"},{\"id\":\"B\"}]}"));

        assertThat(page.total()).isEqualTo(351);
        assertThat(page.offers()).extracting(o -> o.get("id").asText()).containsExactly("A", "B");
    }

    @Test
    void readsA200WithoutContentRangeAsEverything() {
        assertThat(SearchPage.read(200, null, json("{\"resultats\":[{\"id\":\"A\"}]}")).total()).isEqualTo(1);
    }

    @Test
    void reads204AndStarZeroAsNoOffer() {
        assertThat(SearchPage.read(204, null, null).offers()).isEmpty();
        assertThat(SearchPage.read(206, "offres */0", json("")).total()).isZero();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> SearchPage.read(206, "offres 0-149/351", json("{\"resultats\":[")))
                .isInstanceOf(SearchPage.UnreadablePageException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> SearchPage.read(206, "offres 0-149/351", json("{\"other\":1}")))
                .hasMessageContaining("'resultats'");
        assertThatThrownBy(() -> SearchPage.read(206, null, json("{\"resultats\":[]}")))
                .hasMessageContaining("without Content-Range");
        assertThatThrownBy(() -> SearchPage.read(206, "garbage", json("{\"resultats\":[]}")))
                .hasMessageContaining("'garbage'");
    }
}
