package fr.jobmarket.harvest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.GeoReference;
import fr.jobmarket.support.ProcessRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The process stage as the service runs it: the routes of process.camel.yaml, geocode-batch.camel.yaml and locate.camel.yaml (split,
 * filters, idempotent consumer, enrich, aggregate) with their beans, the geocoder's HTTP request replaced.
 */
class ProcessRouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeoReference REFERENCE = GeoReference.load();
    private static final LocalDate EXTRACTION = LocalDate.parse("2025-03-14");
    /** Bordeaux by its commune code: cas_1. */
    private static final Map<String, Object> BORDEAUX = Map.of("libelle", "33 - Bordeaux", "codePostal", "33000", "commune", "33063");

    @TempDir
    Path directory;

    private static ProcessRoutes routes;

    @BeforeAll
    static void startRoutes() {
        routes = ProcessRoutes.start(REFERENCE, (latitude, longitude) -> Optional.empty());
    }

    @AfterAll
    static void stopRoutes() {
        routes.close();
    }

    private static ObjectNode offer(String id, String intitule, Map<String, Object> lieuTravail) {
        ObjectNode offer = MAPPER.createObjectNode();
        if (id != null) {
            offer.put("id", id);
        }
        offer.put("intitule", intitule);
        if (lieuTravail != null) {
            offer.set("lieuTravail", MAPPER.valueToTree(lieuTravail));
        }
        offer.put("romeCode", "M1811");
        return offer;
    }

    private Path rawFile(String name, ObjectNode... offers) throws IOException {
        ArrayNode array = MAPPER.createArrayNode();
        for (ObjectNode offer : offers) {
            array.add(offer);
        }
        return Files.writeString(directory.resolve(name), MAPPER.writeValueAsString(array));
    }

    private OfferBatch.Result build(Path... rawFiles) throws Exception {
        return routes.run(List.of(rawFiles), EXTRACTION, directory.resolve("work").resolve("batch.json"));
    }

    private static List<ObjectNode> offersOf(OfferBatch.Result result) throws IOException {
        List<ObjectNode> offers = new ArrayList<>();
        MAPPER.readTree(result.file().toFile()).forEach(offer -> offers.add((ObjectNode) offer));
        return offers;
    }

    @Test
    void keepsTheFirstCopyOfADuplicatedOfferInFileOrder() throws Exception {
        Path dataEngineer = rawFile("404278_Data_Engineer.json",
                offer("190AAAA", "copy of the first file", BORDEAUX), offer("190BBBB", "only here", BORDEAUX));
        Path dataAnalyst = rawFile("38971_Data_Analyst.json",
                offer("190CCCC", "other offer", BORDEAUX), offer("190AAAA", "copy of the second file", BORDEAUX));

        OfferBatch.Result result = build(dataEngineer, dataAnalyst);

        assertThat(offersOf(result)).extracting(offer -> offer.get("id").asText() + " " + offer.get("intitule").asText())
                .containsExactly("190AAAA copy of the first file", "190BBBB only here", "190CCCC other offer");
        assertThat(result.counts()).contains(entry("raw_files", 2), entry("read", 4L), entry("duplicates", 1L),
                entry("kept", 3L));
        assertThat(result.dropped()).containsEntry("duplicate", 1L);
    }

    @Test
    void countsTheOffersItDropsByReason() throws Exception {
        Path raw = rawFile("raw.json",
                offer("190AAAA", "Basse-Terre", Map.of("libelle", "971 - Basse-Terre")),
                offer("190BBBB", "Mayotte", Map.of("libelle", "Mayotte")),
                offer("190CCCC", "Ajaccio", Map.of("libelle", "France", "commune", "2A004")),
                offer("190DDDD", "Bordeaux", BORDEAUX),
                offer("190DDDD", "Bordeaux again", BORDEAUX));

        OfferBatch.Result result = build(raw);

        assertThat(offersOf(result)).extracting(offer -> offer.get("id").asText()).containsExactly("190DDDD");
        assertThat(result.dropped()).containsExactlyInAnyOrderEntriesOf(Map.of("label_overseas", 2L,
                "commune_corsica", 1L, "duplicate", 1L, "without_id", 0L));
        assertThat(result.counts()).containsEntry("dropped", Map.of("label_overseas", 2L, "commune_corsica", 1L));
    }

    @Test
    void removesContactAndAgencyAndStampsTheExtractionDateAfterTheLocation() throws Exception {
        ObjectNode offer = offer("190AAAA", "Data Engineer H/F", BORDEAUX);
        offer.putObject("contact").put("nom", "Mme Claire L'Hôte").put("courriel", "claire@example.invalid");
        offer.putObject("agence").put("courriel", "ape.00000@francetravail.fr");

        ObjectNode written = offersOf(build(rawFile("raw.json", offer))).get(0);

        assertThat(written.has("contact")).isFalse();
        assertThat(written.has("agence")).isFalse();
        assertThat(written.has("lieuTravail")).isFalse();
        assertThat(written.get("dateExtraction").asText()).isEqualTo("2025-03-14");
        List<String> names = new ArrayList<>();
        written.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "intitule", "romeCode", "lieu_cas", "code_insee", "nom_commune",
                "code_postal", "nom_ville", "code_departement", "nom_departement", "code_region", "nom_region",
                "dateExtraction");
    }

    @Test
    void writesTheLocationCaseAndItsAttributes() throws Exception {
        OfferBatch.Result result = build(rawFile("raw.json",
                offer("190AAAA", "Bordeaux", BORDEAUX),
                offer("190BBBB", "department only", Map.of("libelle", "44 - Loire-Atlantique")),
                offer("190CCCC", "nowhere", null)));

        List<ObjectNode> offers = offersOf(result);
        ObjectNode bordeaux = offers.get(0);
        assertThat(bordeaux.get("lieu_cas").asText()).isEqualTo("cas_1");
        assertThat(bordeaux.get("code_insee").asText()).isEqualTo("33063");
        assertThat(bordeaux.get("code_postal").asText()).isEqualTo("33000");
        assertThat(bordeaux.get("nom_departement").asText()).isEqualTo("Gironde");
        assertThat(bordeaux.get("nom_region").asText()).isEqualTo("Nouvelle-Aquitaine");
        assertThat(offers.get(1).get("lieu_cas").asText()).isEqualTo("cas_3");
        assertThat(offers.get(1).get("code_departement").asText()).isEqualTo("44");
        assertThat(offers.get(1).get("code_insee").isNull()).isTrue();
        assertThat(offers.get(2).get("lieu_cas").asText()).isEqualTo("cas_5");
        assertThat(result.locations().perCase()).containsEntry("cas_1", 1L).containsEntry("cas_3", 1L)
                .containsEntry("cas_5", 1L);
        assertThat(result.counts()).containsEntry("lieu_cas", result.locations().perCase());
    }

    @Test
    void skipsAndCountsOffersWithoutId() throws Exception {
        OfferBatch.Result result = build(rawFile("raw.json",
                offer(null, "no id at all", BORDEAUX),
                offer("  ", "blank id", BORDEAUX),
                offer("190AAAA", "with an id", BORDEAUX)));

        assertThat(offersOf(result)).extracting(offer -> offer.get("intitule").asText()).containsExactly("with an id");
        assertThat(result.counts()).contains(entry("read", 3L), entry("without_id", 2L), entry("kept", 1L));
        assertThat(result.dropped()).containsEntry("without_id", 2L);
    }

    @Test
    void aMalformedRawFileFailsNamingTheFileAndWritesNoBatch() throws Exception {
        Path good = rawFile("404278_Data_Engineer.json", offer("190AAAA", "fine", BORDEAUX));
        Path truncated = Files.writeString(directory.resolve("38971_Data_Analyst.json"), "[{\"id\":\"190BBBB\",\"intitule\":\"cut");

        assertThatThrownBy(() -> build(good, truncated))
                .hasMessageContaining("38971_Data_Analyst.json");
        assertThat(directory.resolve("work").resolve("batch.json")).doesNotExist();
        assertThat(directory.resolve("work").resolve(".batch.json.tmp")).doesNotExist();
    }
}
