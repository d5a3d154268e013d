package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LocationEnricherTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeoReference REFERENCE = GeoReference.load();

    /** Answers with a fixed place, or is down; records the points it was asked about. */
    private static final class FakeGeocoder implements PointGeocoder {
        private final Optional<Place> answer;
        private final boolean throwing;
        final List<double[]> asked = new ArrayList<>();

        FakeGeocoder(Place answer) {
            this.answer = Optional.ofNullable(answer);
            this.throwing = false;
        }

        private FakeGeocoder(boolean throwing) {
            this.answer = Optional.empty();
            this.throwing = throwing;
        }

        static FakeGeocoder down() {
            return new FakeGeocoder(true);
        }

        @Override
        public Optional<Place> reverse(double latitude, double longitude) {
            asked.add(new double[] {latitude, longitude});
            if (throwing) {
                throw new IllegalStateException("geocoder unreachable");
            }
            return answer;
        }
    }

    private static ObjectNode offer(Map<String, Object> lieuTravail) {
        ObjectNode offer = MAPPER.createObjectNode().put("id", "190XYZ").put("intitule", "Data Engineer H/F");
        offer.set("lieuTravail", MAPPER.valueToTree(lieuTravail));
        offer.put("romeCode", "M1805");
        return offer;
    }

    private static ObjectNode enrich(PointGeocoder geocoder, Map<String, Object> lieuTravail) {
        ObjectNode offer = offer(lieuTravail);
        new TestLocator(REFERENCE, geocoder).enrich(offer);
        return offer;
    }

    private static ObjectNode enrich(Map<String, Object> lieuTravail) {
        return enrich(new FakeGeocoder(null), lieuTravail);
    }

    /** lieu_cas then the eight location attributes, as text or null. */
    private static List<String> location(ObjectNode offer) {
        List<String> values = new ArrayList<>();
        values.add(offer.get("lieu_cas").asText());
        for (String attribute : LocationEnricher.ATTRIBUTES) {
            assertThat(offer.has(attribute)).as(attribute).isTrue();
            values.add(offer.get(attribute).isNull() ? null : offer.get(attribute).asText());
        }
        return values;
    }

    @Test
    void cas1TakesNamesFromTheReferenceAndThePostalCodeFromTheApi() {
        ObjectNode offer = enrich(Map.of("libelle", "75 - Paris 8e Arrondissement", "commune", "75108",
                "codePostal", "75008", "latitude", 48.87, "longitude", 2.31));
        assertThat(location(offer)).containsExactly("cas_1", "75108", "Paris 8e Arrondissement", "75008", "Paris",
                "75", "Paris", "11", "Île-de-France");
    }

    @Test
    void replacesLieuTravailByTheLocationAttributesInTheContractOrder() {
        ObjectNode offer = enrich(Map.of("libelle", "33 - Bordeaux", "commune", "33063"));
        List<String> names = new ArrayList<>();
        offer.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "intitule", "romeCode", "lieu_cas", "code_insee", "nom_commune",
                "code_postal", "nom_ville", "code_departement", "nom_departement", "code_region", "nom_region");
        assertThat(offer.get("code_postal").isNull()).isTrue();
    }

    @Test
    void cas2FindsTheCommuneByReverseGeocoding() {
        FakeGeocoder geocoder = new FakeGeocoder(new Place("33063", "33000"));
        ObjectNode offer = enrich(geocoder, Map.of("libelle", "33 - Bordeaux", "latitude", 44.837789,
                "longitude", -0.57918));
        assertThat(location(offer)).containsExactly("cas_2", "33063", "Bordeaux", "33000", "Bordeaux", "33",
                "Gironde", "75", "Nouvelle-Aquitaine");
        assertThat(geocoder.asked).singleElement().satisfies(point -> assertThat(point).containsExactly(44.837789, -0.57918));
    }

    @Test
    void cas2FallsBackOnThePostalCodeWhenTheGeocoderGivesNoKnownCommune() {
        ObjectNode offer = enrich(new FakeGeocoder(new Place(null, "33000")),
                Map.of("libelle", "Bordeaux", "latitude", 44.837789, "longitude", -0.57918));
        assertThat(location(offer)).containsExactly("cas_2", "33063", "Bordeaux", "33000", "Bordeaux", "33",
                "Gironde", "75", "Nouvelle-Aquitaine");
    }

    @Test
    void swapsCoordinatesBackBeforeGeocoding() {
        FakeGeocoder geocoder = new FakeGeocoder(new Place("33063", "33000"));
        TestLocator enricher = new TestLocator(REFERENCE, geocoder);
        ObjectNode offer = offer(Map.of("libelle", "33 - Bordeaux", "latitude", -0.57918, "longitude", 44.837789));
        enricher.enrich(offer);
        assertThat(location(offer)).startsWith("cas_2", "33063", "Bordeaux", "33000");
        assertThat(geocoder.asked).singleElement().satisfies(point -> assertThat(point).containsExactly(44.837789, -0.57918));
        assertThat(enricher.stats().snapshot().swappedCoordinates()).isEqualTo(1);
    }

    @Test
    void cas2WithAPostalCodeMissingFromTheReferenceKeepsItsDepartment() {
        ObjectNode offer = enrich(new FakeGeocoder(new Place(null, "34009")),
                Map.of("libelle", "Montpellier", "latitude", 43.6109, "longitude", 3.8772));
        assertThat(location(offer)).containsExactly("cas_2", null, null, "34009", null, "34", "Hérault", "76",
                "Occitanie");
    }

    @Test
    void geocoderDownKeepsWhatIsKnownAndCountsTheFailure() {
        FakeGeocoder geocoder = FakeGeocoder.down();
        TestLocator enricher = new TestLocator(REFERENCE, geocoder);
        ObjectNode fromLabel = offer(Map.of("libelle", "44 - NANTES", "latitude", 47.2184, "longitude", -1.5536));
        ObjectNode nothingKnown = offer(Map.of("libelle", "NANTES", "latitude", 47.2184, "longitude", -1.5536));
        enricher.enrich(fromLabel);
        enricher.enrich(nothingKnown);

        assertThat(location(fromLabel)).containsExactly("cas_2", null, null, null, null, "44", "Loire-Atlantique",
                "52", "Pays de la Loire");
        assertThat(location(nothingKnown)).containsExactly("cas_2", null, null, null, null, null, null, null, null);
        assertThat(enricher.stats().snapshot().geocodingFailures()).isEqualTo(2);
        assertThat(enricher.stats().snapshot().perCase()).containsEntry("cas_2", 2L);
    }

    @Test
    void ignoresAGeocoderAnswerOutsideMetropolitanFrance() {
        TestLocator enricher = new TestLocator(REFERENCE, new FakeGeocoder(new Place("2A004", "20000")));
        ObjectNode offer = offer(Map.of("libelle", "13 - MARSEILLE", "latitude", 43.2965, "longitude", 5.3698));
        enricher.enrich(offer);
        assertThat(location(offer)).containsExactly("cas_2", null, null, null, null, "13", "Bouches-du-Rhône", "93",
                "Provence-Alpes-Côte d'Azur");
        assertThat(enricher.stats().snapshot().geocodingFailures()).isEqualTo(1);
    }

    @Test
    void geocoderWithoutAnswerUsesThePostalCodeGivenByTheApi() {
        ObjectNode offer = enrich(new FakeGeocoder(null),
                Map.of("libelle", "Rennes", "latitude", 48.1173, "longitude", -1.6778, "codePostal", "35000"));
        assertThat(location(offer)).containsExactly("cas_2", "35238", "Rennes", "35000", "Rennes", "35",
                "Ille-et-Vilaine", "53", "Bretagne");
    }

    @Test
    void coordinatesOutsideFranceWithoutAnswerFallBackToTheLabel() {
        FakeGeocoder geocoder = new FakeGeocoder(null);
        ObjectNode offer = enrich(geocoder, Map.of("libelle", "44 - Loire-Atlantique", "latitude", 0.0, "longitude", 0.0));
        assertThat(location(offer)).containsExactly("cas_3", null, null, null, null, "44", "Loire-Atlantique", "52",
                "Pays de la Loire");
        assertThat(geocoder.asked).hasSize(1);
    }

    @Test
    void anIslandOutsideTheMainlandBoundsIsPlacedByTheGeocoder() {
        ObjectNode offer = enrich(new FakeGeocoder(new Place("29155", "29242")),
                Map.of("libelle", "29 - Ouessant", "latitude", 48.4561, "longitude", -5.0950));
        assertThat(location(offer)).startsWith("cas_2", "29155", "Ouessant", "29242", "Ouessant", "29");
    }

    @Test
    void cas3TakesTheDepartmentFromTheLabel() {
        assertThat(location(enrich(Map.of("libelle", "44 - Loire-Atlantique")))).containsExactly("cas_3", null, null,
                null, null, "44", "Loire-Atlantique", "52", "Pays de la Loire");
    }

    @Test
    void cas3WithAnUnknownDepartmentWritesNoCode() {
        assertThat(location(enrich(Map.of("libelle", "99 - Etranger")))).containsExactly("cas_3", null, null, null,
                null, null, null, null, null);
    }

    @Test
    void cas4MatchesRegionNamesWithoutAccentsCaseOrHyphens() {
        for (String libelle : List.of("Ile-de-France", "Île-de-France", "ILE DE FRANCE", "île-de-france")) {
            assertThat(location(enrich(Map.of("libelle", libelle)))).as(libelle).containsExactly("cas_4", null, null,
                    null, null, null, null, "11", "Île-de-France");
        }
        assertThat(location(enrich(Map.of("libelle", "Provence-Alpes-Cote d’Azur")))).endsWith("93",
                "Provence-Alpes-Côte d'Azur");
        assertThat(location(enrich(Map.of("libelle", "auvergne rhone alpes")))).endsWith("84", "Auvergne-Rhône-Alpes");
    }

    @Test
    void cas4LeavesEveryFieldEmptyForANameThatIsNoRegion() {
        assertThat(location(enrich(Map.of("libelle", "Bordeaux")))).containsExactly("cas_4", null, null, null, null,
                null, null, null, null);
    }

    @Test
    void cas5ForFranceOnlyOrNoLocationAtAll() {
        for (String libelle : List.of("France entière", "France", "FRANCE")) {
            assertThat(location(enrich(Map.of("libelle", libelle)))).containsExactly("cas_5", null, null, null, null,
                    null, null, null, null);
        }
        ObjectNode noLieu = MAPPER.createObjectNode().put("id", "1");
        new TestLocator(REFERENCE, new FakeGeocoder(null)).enrich(noLieu);
        assertThat(location(noLieu)).containsExactly("cas_5", null, null, null, null, null, null, null, null);
        assertThat(location(enrich(Map.of("codePostal", "")))).startsWith("cas_5");
    }

    @Test
    void unknownCommuneCodesKeepTheirDepartmentAndNeverWriteJunk() {
        TestLocator enricher = new TestLocator(REFERENCE, new FakeGeocoder(null));
        ObjectNode newCommune = offer(Map.of("libelle", "49 - X", "commune", "49999", "codePostal", "Inconnu"));
        ObjectNode junk = offer(Map.of("libelle", "Y", "commune", "abc"));
        enricher.enrich(newCommune);
        enricher.enrich(junk);
        assertThat(location(newCommune)).containsExactly("cas_1", "49999", null, null, null, "49", "Maine-et-Loire",
                "52", "Pays de la Loire");
        assertThat(location(junk)).containsExactly("cas_1", null, null, null, null, null, null, null, null);
        assertThat(enricher.stats().snapshot().unknownCommunes()).isEqualTo(2);
    }

    @Test
    void countsOffersPerCaseUntilReset() {
        TestLocator enricher = new TestLocator(REFERENCE, new FakeGeocoder(null));
        enricher.enrich(offer(Map.of("commune", "75108")));
        enricher.enrich(offer(Map.of("libelle", "France")));
        enricher.enrich(offer(Map.of("libelle", "Bretagne")));
        enricher.enrich(offer(Map.of("libelle", "Bretagne")));

        LocationStats.Snapshot first = enricher.stats().snapshotAndReset();
        assertThat(first.perCase()).containsExactly(Map.entry("cas_1", 1L), Map.entry("cas_2", 0L),
                Map.entry("cas_3", 0L), Map.entry("cas_4", 2L), Map.entry("cas_5", 1L));
        assertThat(first.total()).isEqualTo(4);
        assertThat(enricher.stats().snapshot().total()).isZero();
    }
}
