package fr.jobmarket.api;

import fr.jobmarket.geo.GeoReference;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FiltersTest {

    private static final GeoReference GEO = GeoReference.load();

    private static Filters parse(String query) {
        return Filters.from(QueryParameters.parse(query), GEO);
    }

    @Test
    void reportsTheFirstFailingParameterInTheOriginalsOrderWithAllItsBadValues() {
        assertThatThrownBy(() -> parse("code_insee=1&code_departement=999&code_departement=75&code_departement=2Z"))
                .isInstanceOf(ApiProblem.class)
                .hasMessage("Les codes département ['999', '2Z'] sont invalides.");
        assertThatThrownBy(() -> parse("code_region=99&metier_data=XY"))
                .hasMessage("'metier_data' doit valoir DE, DA, DS ou vide (reçu : 'XY').");
    }

    @Test
    void makesEqualKeysForTheSameCodesInAnyOrderOrRepetition() {
        Filters one = parse("code_region=84&code_region=11&code_region=84&code_postal=75008");
        Filters other = parse("code_postal=75008&code_region=11&code_region=84");
        assertThat(one.key()).isEqualTo(other.key());
        assertThat(one.codeRegion()).isEqualTo(List.of("11", "84"));
    }

    @Test
    void readsTheBooleanSpellingsOfTheOriginalAndRefusesOthers() {
        assertThat(parse("offres_dispo_only=true").offresDispoOnly()).isTrue();
        assertThat(parse("offres_dispo_only=1").offresDispoOnly()).isTrue();
        assertThat(parse("offres_dispo_only=False").offresDispoOnly()).isFalse();
        assertThat(parse("").offresDispoOnly()).isFalse();
        assertThatThrownBy(() -> parse("offres_dispo_only=vrai")).hasMessageContaining("'offres_dispo_only' doit être un booléen");
    }

    @Test
    void acceptsTheWellKnownCodesAndKeepsAnEmptyMetierAsNoFilter() {
        Filters filters = parse("metier_data=&code_region=11&code_departement=69&code_postal=75008&code_insee=75108&code_insee=75056");
        assertThat(filters.metierData()).isNull();
        assertThat(filters.codeInsee()).containsExactly("75056", "75108");
    }

    @Test
    void namesAtMostTwentyBadValuesAndCountsTheRest() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            query.append("&code_insee=X").append(i);
        }
        assertThatThrownBy(() -> parse(query.substring(1)))
                .hasMessageStartingWith("Les codes insee ['X0', 'X1',")
                .hasMessageEndingWith("'X19'] (et 5 autres) sont invalides.");
    }
}
