package fr.jobmarket.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.sandbox.OfferLocations.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticOffersTest {

    private static SyntheticOffers offers;
    private static List<ObjectNode> all;

    @BeforeAll
    static void generateTheDefaultDataSet() {
        offers = new SyntheticOffers(5000);
        all = new ArrayList<>();
        for (int index = 0; index < offers.size(); index++) {
            all.add(offers.offer(index));
        }
    }

    @Test
    void generatesTheSameOffersByteForByteEveryTime() {
        SyntheticOffers again = new SyntheticOffers(5000);
        for (int index = 0; index < offers.size(); index++) {
            assertThat(again.offer(index).toString()).isEqualTo(all.get(index).toString());
        }
        assertThat(again.totals()).isEqualTo(offers.totals());
        for (String code : offers.appellationCodes()) {
            assertThat(again.listing(code)).containsExactly(offers.listing(code));
        }
    }

    @Test
    void givesEachOfTheSizeOffersAUniqueSevenCharacterAlphanumericId() {
        Set<String> ids = new HashSet<>();
        for (ObjectNode offer : all) {
            assertThat(offer.get("id").asText()).matches("[0-9A-Z]{7}");
            ids.add(offer.get("id").asText());
        }
        assertThat(ids).hasSize(5000);
        SyntheticOffers big = new SyntheticOffers(30_000);
        Set<String> bigIds = new HashSet<>();
        for (int index = 0; index < big.size(); index++) {
            bigIds.add(big.id(index));
        }
        assertThat(bigIds).hasSize(30_000);
    }

    @Test
    void spreadsOffersOverTheSixtyOneAppellationsWithOneAboveTheCapOneOfExactly150AndSomeEmpty() {
        assertThat(offers.appellationCodes()).hasSize(61).doesNotContain("11100");
        assertThat(offers.total("14153")).isEqualTo(3650 + duplicatesReceived("14153"));
        assertThat(offers.total("14153")).isGreaterThan(3150);
        assertThat(offers.total("38972")).isEqualTo(150);
        assertThat(offers.total("404279")).isZero();
        assertThat(offers.total("404273")).isZero();
        assertThat(offers.total("11100")).isZero();
        assertThat(offers.totals().values().stream().filter(total -> total == 0)).hasSize(4);
    }

    @Test
    void keepsOneAppellationAboveTheCapForEverySizeFrom4000() {
        for (int size : new int[] {4000, 4001, 7777, 30_000, 100_000}) {
            SyntheticOffers set = new SyntheticOffers(size);
            assertThat(set.total("14153")).as("size %d", size).isGreaterThan(3150);
            assertThat(set.total("38972")).as("size %d", size).isEqualTo(150);
            int distinct = java.util.Arrays.stream(SyntheticOffers.primaryCounts(size)).sum();
            assertThat(distinct).isEqualTo(size);
        }
    }

    @Test
    void listsSomeOffersUnderSeveralAppellationsWithTheSameContent() {
        Map<Integer, Integer> appearances = new HashMap<>();
        for (String code : offers.appellationCodes()) {
            for (int index : offers.listing(code)) {
                appearances.merge(index, 1, Integer::sum);
            }
        }
        assertThat(appearances).hasSize(5000);
        long twice = appearances.values().stream().filter(count -> count == 2).count();
        long thrice = appearances.values().stream().filter(count -> count == 3).count();
        assertThat(twice).isEqualTo(400);
        assertThat(thrice).isEqualTo(100);
        int listed = offers.totals().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(listed).isEqualTo(5000 + 400 + 2 * 100);
    }

    @Test
    void listsEachAppellationNewestFirst() {
        int[] listing = offers.listing("14153");
        for (int i = 1; i < listing.length; i++) {
            assertThat(offers.dateCreation(listing[i])).isBeforeOrEqualTo(offers.dateCreation(listing[i - 1]));
        }
    }

    @Test
    void datesEveryOfferBeforeTheAnchorAndWithinHalfAYear() {
        for (ObjectNode offer : all) {
            java.time.Instant created = java.time.Instant.parse(offer.get("dateCreation").asText());
            assertThat(created).isBefore(SyntheticOffers.ANCHOR)
                    .isAfter(SyntheticOffers.ANCHOR.minus(java.time.Duration.ofDays(SyntheticOffers.WINDOW_DAYS + 1)));
        }
    }

    @Test
    void coversEveryLocationCaseWithKnownCounts() {
        Map<Kind, Integer> counted = new EnumMap<>(Kind.class);
        for (int index = 0; index < offers.size(); index++) {
            counted.merge(OfferLocations.kindOf(index), 1, Integer::sum);
        }
        for (Kind kind : Kind.values()) {
            assertThat(counted.get(kind)).as(kind.name()).isEqualTo(OfferLocations.countOf(kind, 5000)).isPositive();
        }
        assertThat(counted.get(Kind.COMMUNE) + counted.get(Kind.COMMUNE_WITHOUT_POSTAL_CODE)).isEqualTo(4325);
        Set<String> libelles = new HashSet<>();
        int swapped = 0;
        int withoutLieu = 0;
        for (ObjectNode offer : all) {
            JsonNode lieu = offer.get("lieuTravail");
            if (lieu == null) {
                withoutLieu++;
                continue;
            }
            libelles.add(lieu.get("libelle").asText());
            if (lieu.has("latitude") && lieu.get("latitude").asDouble() > -6 && lieu.get("latitude").asDouble() < 10
                    && lieu.get("longitude").asDouble() > 41) {
                swapped++;
            }
        }
        assertThat(withoutLieu).isEqualTo(25);
        assertThat(swapped).isEqualTo(25);
        assertThat(libelles).contains("France", "France entière", "FRANCE", "Ile-de-France", "Île-de-France",
                "75 - Paris (Dept.)", "44 - Loire-Atlantique", "2A - AJACCIO", "2B - BASTIA", "971 - Guadeloupe",
                "974 - La Réunion", "976 - Mayotte", "Mayotte", "Corse-du-Sud", "33 - Bordeaux", "Région parisienne");
        assertThat(all).anySatisfy(offer -> assertThat(offer.path("lieuTravail").path("commune").asText()).isEqualTo("2A004"));
        assertThat(all).anySatisfy(offer -> {
            assertThat(offer.path("lieuTravail").path("libelle").asText()).isEqualTo("France");
            assertThat(offer.path("lieuTravail").path("latitude").asDouble()).isBetween(41.3, 43.1);
        });
        assertThat(all).anySatisfy(offer -> {
            assertThat(offer.path("lieuTravail").has("commune")).isTrue();
            assertThat(offer.path("lieuTravail").has("codePostal")).isFalse();
        });
    }

    @Test
    void includesMissingNullLongAndAwkwardValues() {
        assertThat(count(offer -> offer.get("dateActualisation").isNull())).isEqualTo(218);
        assertThat(count(offer -> !offer.has("formations"))).isEqualTo(714);
        assertThat(count(offer -> offer.path("origineOffre").has("partenaires")
                && offer.path("origineOffre").path("partenaires").isEmpty())).isEqualTo(122);
        assertThat(count(offer -> !offer.path("entreprise").has("nom"))).isEqualTo(455);
        assertThat(count(offer -> offer.get("description").asText().length() > 6000)).isEqualTo(52);
        assertThat(count(offer -> offer.path("entreprise").path("description").asText().length() > 1000)).isPositive();
        assertThat(count(offer -> offer.path("origineOffre").path("urlOrigine").asText().length() > 65)).isGreaterThan(1000);
        assertThat(count(offer -> offer.get("intitule").asText().equals(OfferTexts.AWKWARD_TITLE))).isEqualTo(95);
        assertThat(OfferTexts.AWKWARD_TITLE).contains("\"", "'", "\\", "🚀", "%", "_", "é");
        assertThat(count(offer -> offer.get("description").asText().contains("digital"))).isPositive();
        assertThat(count(offer -> offer.get("description").asText().contains("JavaScript"))).isPositive();
        assertThat(count(offer -> offer.get("description").asText().contains("excellent"))).isPositive();
        assertThat(count(offer -> offer.get("description").asText().contains("Power BI"))).isPositive();
        assertThat(count(offer -> offer.get("intitule").asText().equals("Data Engineer Power BI"))).isPositive();
        assertThat(count(offer -> offer.get("intitule").asText().equals("Data Scientist H/F"))).isPositive();
    }

    @Test
    void carriesTheFullFieldSetOfTheApi() {
        ObjectNode offer = all.get(31);
        assertThat(offer.fieldNames()).toIterable().contains("id", "intitule", "description", "dateCreation",
                "dateActualisation", "lieuTravail", "romeCode", "romeLibelle", "appellationlibelle", "entreprise",
                "typeContrat", "typeContratLibelle", "natureContrat", "experienceExige", "experienceLibelle", "competences",
                "salaire", "dureeTravailLibelle", "dureeTravailLibelleConverti", "alternance", "nombrePostes", "accessibleTH",
                "qualificationCode", "qualificationLibelle", "codeNAF", "secteurActiviteLibelle", "qualitesProfessionnelles",
                "origineOffre", "offresManqueCandidats");
        assertThat(offer.get("lieuTravail").fieldNames()).toIterable()
                .containsExactly("libelle", "latitude", "longitude", "codePostal", "commune");
    }

    @Test
    void refusesASizeOutsideItsBounds() {
        assertThatThrownBy(() -> new SyntheticOffers(-1)).hasMessageContaining("0 to 1000000");
        assertThat(new SyntheticOffers(0).totals().values()).containsOnly(0);
    }

    private static int duplicatesReceived(String code) {
        return offers.total(code) - SyntheticOffers.primaryCounts(5000)[SandboxAppellations.indexOf(code)];
    }

    private static long count(java.util.function.Predicate<ObjectNode> test) {
        return all.stream().filter(test).count();
    }
}
