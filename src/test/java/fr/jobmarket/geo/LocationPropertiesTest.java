package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Random offers (fixed seed): filtering and enrichment never throw, and every kept offer is metropolitan. */
class LocationPropertiesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeoReference REFERENCE = GeoReference.load();
    private static final List<String> LABELS = List.of("971 - Guadeloupe", "2A - AJACCIO", "2B - BASTIA", "Corse",
            "Mayotte", "75 - Paris (Dept.)", "44 - NANTES", "Ile-de-France", "Île-de-France", "France", "France entière",
            "FRANCE", "Bordeaux", "2a - Ajaccio", "Réunion", "99 - Etranger", "", " ", "20 - Corse", "13 - MARSEILLE 08");
    private static final List<String> COMMUNES = List.of("75108", "33063", "97411", "2A004", "2B033", "49999",
            "abc", "", "13055", "98735", "01001");
    private static final List<String> POSTAL_CODES = List.of("75008", "20000", "97200", "98000", "Inconnu", "",
            "34009", "33000", "1234");

    @Test
    void randomOffersNeverBreakTheStepsAndKeptOffersAreMetropolitan() {
        Random random = new Random(20240701L);
        MetropolitanFilter filter = new MetropolitanFilter();
        // The geocoder answers with anything, including overseas or Corsican places, or fails.
        PointGeocoder geocoder = (latitude, longitude) -> switch (random.nextInt(5)) {
            case 0 -> Optional.of(new Place("33063", "33000"));
            case 1 -> Optional.of(new Place("97411", "97400"));
            case 2 -> Optional.of(new Place(null, "20000"));
            case 3 -> Optional.empty();
            default -> throw new IllegalStateException("down");
        };
        TestLocator enricher = new TestLocator(REFERENCE, geocoder);
        Set<String> departments = REFERENCE.departmentCodes();
        int kept = 0;

        for (int i = 0; i < 5_000; i++) {
            ObjectNode offer = randomOffer(random, i);
            if (!filter.keeps(offer)) {
                continue;
            }
            kept++;
            enricher.enrich(offer);
            assertThat(offer.has("lieuTravail")).isFalse();
            assertThat(offer.get("lieu_cas").asText()).isIn("cas_1", "cas_2", "cas_3", "cas_4", "cas_5");
            for (String attribute : LocationEnricher.ATTRIBUTES) {
                assertThat(offer.get(attribute).isNull() || offer.get(attribute).isTextual()).as(attribute).isTrue();
            }
            String department = offer.get("code_departement").textValue();
            assertThat(department == null || departments.contains(department) && !department.startsWith("2A")
                    && !department.startsWith("2B")).as("department %s of %s", department, offer).isTrue();
            String postalCode = offer.get("code_postal").textValue();
            assertThat(postalCode == null || postalCode.matches("[0-9]{5}")).as("postal code of %s", offer).isTrue();
            String region = offer.get("code_region").textValue();
            assertThat(region).as("region of %s", offer).isNotEqualTo("94");
        }
        assertThat(kept).isBetween(500, 4_500);
        assertThat(enricher.stats().snapshot().total()).isEqualTo(kept);
    }

    private static ObjectNode randomOffer(Random random, int index) {
        ObjectNode offer = MAPPER.createObjectNode().put("id", "R" + index);
        if (random.nextInt(10) == 0) {
            return offer;
        }
        ObjectNode lieu = offer.putObject("lieuTravail");
        if (random.nextBoolean()) {
            lieu.put("libelle", LABELS.get(random.nextInt(LABELS.size())));
        }
        if (random.nextInt(3) == 0) {
            lieu.put("commune", COMMUNES.get(random.nextInt(COMMUNES.size())));
        }
        if (random.nextInt(3) == 0) {
            lieu.put("codePostal", POSTAL_CODES.get(random.nextInt(POSTAL_CODES.size())));
        }
        switch (random.nextInt(5)) {
            case 0 -> lieu.put("latitude", 40 + random.nextDouble() * 12).put("longitude", -6 + random.nextDouble() * 16);
            case 1 -> lieu.put("latitude", -90 + random.nextDouble() * 180).put("longitude", -180 + random.nextDouble() * 360);
            case 2 -> lieu.put("latitude", "n/a").putNull("longitude");
            case 3 -> lieu.put("latitude", 47.2).put("longitude", "-1,55");
            default -> { }
        }
        return offer;
    }
}
