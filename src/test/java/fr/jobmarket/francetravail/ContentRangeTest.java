package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentRangeTest {

    @Test
    void readsFirstLastAndTotal() {
        assertThat(ContentRange.parse("offres 0-149/351")).contains(new ContentRange(0, 149, 351));
        assertThat(ContentRange.parse("offres 0-0/9848")).contains(new ContentRange(0, 0, 9848));
    }

    @Test
    void readsTheNoOfferForm() {
        assertThat(ContentRange.parse("offres */0")).contains(new ContentRange(-1, -1, 0));
    }

    @Test
    void isEmptyWhenTheHeaderIsAbsent() {
        assertThat(ContentRange.parse(null)).isEmpty();
        assertThat(ContentRange.parse(" ")).isEmpty();
    }

    @Test
    void refusesGarbageQuotingIt() {
        assertThatThrownBy(() -> ContentRange.parse("offres 0-149"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'offres 0-149'");
        assertThatThrownBy(() -> ContentRange.parse("offres 149-0/351")).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> ContentRange.parse("offres 0-1/99999999999999999999")).hasMessageContaining("too large");
    }
}
