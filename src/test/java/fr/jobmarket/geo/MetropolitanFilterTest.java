package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.MetropolitanFilter.DropReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MetropolitanFilterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final MetropolitanFilter filter = new MetropolitanFilter();

    private static ObjectNode offer(String libelle) {
        ObjectNode offer = MAPPER.createObjectNode().put("id", "123ABC");
        offer.putObject("lieuTravail").put("libelle", libelle);
        return offer;
    }

    private static ObjectNode offerAt(double latitude, double longitude) {
        ObjectNode offer = offer("Quelque part");
        ((ObjectNode) offer.get("lieuTravail")).put("latitude", latitude).put("longitude", longitude);
        return offer;
    }

    @ParameterizedTest
    @ValueSource(strings = {"971 - Guadeloupe", "974 - Réunion", "Mayotte", "Nouvelle-Calédonie", "La Réunion",
            "Collectivités d'Outre-Mer", "Polynésie française", "Nouvelle Caledonie", "MAYOTTE"})
    void dropsOverseasLabels(String libelle) {
        assertThat(filter.dropReason(offer(libelle))).contains(DropReason.LABEL_OVERSEAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2A - AJACCIO", "2B - BASTIA", "2A - Corse du Sud", "Corse", "Haute-Corse",
            "Corse-du-Sud", "CORSE", "Corse du Sud"})
    void dropsCorsicaLabels(String libelle) {
        assertThat(filter.dropReason(offer(libelle))).contains(DropReason.LABEL_CORSICA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"75 - Paris (Dept.)", "13 - AIX EN PROVENCE", "Ile-de-France", "France", "France entière",
            "2a - Ajaccio", "Réunion", "44 - NANTES"})
    void keepsMetropolitanAndUnmatchedLabelsAsTheOriginalDid(String libelle) {
        assertThat(filter.dropReason(offer(libelle))).isEmpty();
        assertThat(filter.keeps(offer(libelle))).isTrue();
    }

    @Test
    void keepsOffersWithoutAnyLocation() {
        assertThat(filter.dropReason(MAPPER.createObjectNode().put("id", "1"))).isEmpty();
        ObjectNode withoutLabel = MAPPER.createObjectNode().put("id", "2");
        withoutLabel.putObject("lieuTravail").put("commune", "44109");
        assertThat(filter.dropReason(withoutLabel)).isEmpty();
    }

    @Test
    void dropsByCommuneCodeWhenTheLabelSaysNothing() {
        ObjectNode reunion = offer("Saint-Denis");
        ((ObjectNode) reunion.get("lieuTravail")).put("commune", "97411");
        assertThat(filter.dropReason(reunion)).contains(DropReason.COMMUNE_OVERSEAS);

        ObjectNode ajaccio = offer("AJACCIO");
        ((ObjectNode) ajaccio.get("lieuTravail")).put("commune", "2A004");
        assertThat(filter.dropReason(ajaccio)).contains(DropReason.COMMUNE_CORSICA);

        ObjectNode noLabel = MAPPER.createObjectNode();
        noLabel.putObject("lieuTravail").put("commune", "98735");
        assertThat(filter.dropReason(noLabel)).contains(DropReason.COMMUNE_OVERSEAS);
    }

    @Test
    void dropsByPostalCode() {
        ObjectNode martinique = offer("Fort-de-France");
        ((ObjectNode) martinique.get("lieuTravail")).put("codePostal", "97200");
        assertThat(filter.dropReason(martinique)).contains(DropReason.POSTAL_CODE_OVERSEAS);

        ObjectNode bastia = offer("Bastia");
        ((ObjectNode) bastia.get("lieuTravail")).put("codePostal", "20200");
        assertThat(filter.dropReason(bastia)).contains(DropReason.POSTAL_CODE_CORSICA);
    }

    @Test
    void dropsCoordinatesInCorsicaOrOverseasInEitherOrder() {
        // The original's example: libelle "Corse" aside, these coordinates are Corsican.
        assertThat(filter.dropReason(offerAt(41.952873, 8.795956))).contains(DropReason.COORDINATES_OUTSIDE_MAINLAND);
        assertThat(filter.dropReason(offerAt(-20.8789, 55.4481))).contains(DropReason.COORDINATES_OUTSIDE_MAINLAND);
        assertThat(filter.dropReason(offerAt(-61.53, 16.24))).contains(DropReason.COORDINATES_OUTSIDE_MAINLAND);
    }

    @Test
    void keepsMainlandSwappedOrMeaninglessCoordinates() {
        assertThat(filter.dropReason(offerAt(44.837789, -0.57918))).isEmpty();
        assertThat(filter.dropReason(offerAt(-0.57918, 44.837789))).isEmpty();
        assertThat(filter.dropReason(offerAt(0.0, 0.0))).isEmpty();
        // Ouessant lies west of the mainland bounds but is metropolitan.
        assertThat(filter.dropReason(offerAt(48.4561, -5.0950))).isEmpty();
    }

    @Test
    void labelsAreLowerCaseAndBounded() {
        assertThat(Arrays.stream(DropReason.values()).map(DropReason::label)).containsExactly(
                "label_overseas", "label_corsica", "commune_overseas", "commune_corsica",
                "postal_code_overseas", "postal_code_corsica", "coordinates_outside_mainland");
    }
}
