package fr.jobmarket.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void drawsThePsqlStyleOfTabulateWithNumbersRightAligned() {
        assertThat(TextTable.render(List.of("nb offres", "pourcentage", "région"), List.of(
                List.of(25018, "26.9 %", "Île-de-France"),
                List.of(13394, "14.4 %", "Auvergne-Rhône-Alpes")))).isEqualTo("""
                +-------------+---------------+----------------------+
                |   nb offres | pourcentage   | région               |
                |-------------+---------------+----------------------|
                |       25018 | 26.9 %        | Île-de-France        |
                |       13394 | 14.4 %        | Auvergne-Rhône-Alpes |
                +-------------+---------------+----------------------+
                """);
    }

    @Test
    void keepsLeadingZerosOfNumericLookingCodesAndRightAlignsThem() {
        assertThat(TextTable.render(List.of("nom_departement", "code"), List.of(
                List.of("Ain", "01"), List.of("Paris", "75001")))).isEqualTo("""
                +-------------------+--------+
                | nom_departement   |   code |
                |-------------------+--------|
                | Ain               |     01 |
                | Paris             |  75001 |
                +-------------------+--------+
                """);
    }

    @Test
    void leftAlignsAColumnAsSoonAsOneCodeIsNotANumber() {
        assertThat(TextTable.render(List.of("code"), List.of(List.of("75"), List.of("2A")))).isEqualTo("""
                +--------+
                | code   |
                |--------|
                | 75     |
                | 2A     |
                +--------+
                """);
    }

    @Test
    void printsNullAsAnEmptyCellWithoutChangingTheColumnAlignment() {
        assertThat(TextTable.render(List.of("n", "commentaire"), List.of(
                Arrays.asList(3, null), Arrays.asList(null, "x")))).isEqualTo("""
                +-----+---------------+
                |   n | commentaire   |
                |-----+---------------|
                |   3 |               |
                |     | x             |
                +-----+---------------+
                """);
    }

    @Test
    void linesUpDecimalPoints() {
        assertThat(TextTable.render(List.of("v"), List.of(List.of("1.5"), List.of("10"), List.of("2.25")))).isEqualTo("""
                +-------+
                |     v |
                |-------|
                |  1.5  |
                | 10    |
                |  2.25 |
                +-------+
                """);
    }

    @Test
    void drawsOnlyTheFrameAndHeadersWhenThereIsNoRow() {
        assertThat(TextTable.render(List.of("nb occurences", "langue"), List.of())).isEqualTo("""
                +-----------------+----------+
                | nb occurences   | langue   |
                |-----------------+----------|
                +-----------------+----------+
                """);
    }
}
