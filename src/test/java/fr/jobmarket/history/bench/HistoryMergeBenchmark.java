package fr.jobmarket.history.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.history.MergeResult;
import fr.jobmarket.history.OfferHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SplittableRandom;

/**
 * {@code generate <dir>}: writes a 120,000-offer history and a 30,000-offer batch (20,000 ids already in the
 * history) of realistic offers (about 60 attributes, 3,000-character descriptions) under {@code <dir>/seed}.
 * {@code merge <dir>}: links the seed history into a fresh {@code <dir>/run/history}, times one
 * {@link OfferHistory#merge} and prints wall time, peak heap and the live heap after garbage collections.
 */
public final class HistoryMergeBenchmark {

    static final int HISTORY_OFFERS = 120_000;
    static final int BATCH_OFFERS = 30_000;
    static final int OVERLAP = 20_000;
    static final String HISTORY_NAME = "2025-07-30--21h30__extraction_occurence_58.json";

    private static final String[] WORDS = ("données analyse pipeline équipe développement entreprise client "
            + "projet solution qualité modèle reporting tableau indicateurs décisionnel cloud architecture sécurité "
            + "performance production supervision automatisation industrialisation gouvernance référentiel métier "
            + "collaboration agilité expérience formation rémunération télétravail avantages mutuelle tickets "
            + "restaurant Python SQL Spark Kafka Airflow dbt Snowflake PostgreSQL Docker Kubernetes Terraform AWS "
            + "Azure GCP PowerBI Tableau Looker statistiques apprentissage automatique prévision").split(" ");

    private HistoryMergeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("generate") || args[0].equals("merge"))) {
            System.err.println("usage: HistoryMergeBenchmark generate|merge <work dir>");
            System.exit(2);
        }
        Path seed = Path.of(args[1]).resolve("seed");
        if (args[0].equals("generate")) {
            generate(seed);
        } else {
            merge(seed, Path.of(args[1]).resolve("run"));
        }
    }

    private static void generate(Path seed) throws IOException {
        if (Files.exists(seed.resolve("batch.json")) && Files.exists(seed.resolve(HISTORY_NAME))) {
            System.out.println("seed data already in " + seed);
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(20250731);
        try (JsonArrayFiles.AtomicWriter history = new JsonArrayFiles.AtomicWriter(seed.resolve(HISTORY_NAME))) {
            for (int i = 0; i < HISTORY_OFFERS; i++) {
                history.write(offer(i, random, "2025-07-" + (10 + i % 20), "2025-0" + (3 + i % 5) + "-1" + (i % 10)));
            }
            history.commit();
        }
        // 20,000 offers seen again (spread over the history), then 10,000 new ones.
        try (JsonArrayFiles.AtomicWriter batch = new JsonArrayFiles.AtomicWriter(seed.resolve("batch.json"))) {
            for (int i = 0; i < OVERLAP; i++) {
                batch.write(offer(i * (HISTORY_OFFERS / OVERLAP), random, "2025-07-31", null));
            }
            for (int i = 0; i < BATCH_OFFERS - OVERLAP; i++) {
                batch.write(offer(HISTORY_OFFERS + i, random, "2025-07-31", null));
            }
            batch.commit();
        }
        System.out.printf("generated %,d history offers (%,d MB) and %,d batch offers (%,d MB) in %,d ms%n",
                HISTORY_OFFERS, Files.size(seed.resolve(HISTORY_NAME)) >> 20, BATCH_OFFERS,
                Files.size(seed.resolve("batch.json")) >> 20, (System.nanoTime() - start) / 1_000_000);
    }

    private static void merge(Path seed, Path run) throws IOException {
        HeapWatch.deleteTree(run);
        Path history = Files.createDirectories(run.resolve("history"));
        Files.createLink(history.resolve(HISTORY_NAME), seed.resolve(HISTORY_NAME));
        HeapWatch heap = new HeapWatch();
        heap.restart();

        long start = System.nanoTime();
        MergeResult result = new OfferHistory(history).merge(seed.resolve("batch.json"),
                LocalDate.parse("2025-07-31"), LocalDateTime.parse("2025-07-31T21:30"));
        long wallMillis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("merged %,d batch offers into %,d: %s with %,d offers (%,d kept, %,d updated, %,d added), %,d MB%n",
                BATCH_OFFERS, HISTORY_OFFERS, result.file().getFileName(), result.totalOffers(), result.kept(),
                result.updated(), result.added(), Files.size(result.file()) >> 20);
        System.out.printf("wall time: %,d ms%n", wallMillis);
        System.out.printf("peak heap used (sum of pool peaks): %,d MB of max %,d MB%n", heap.peakUsedBytes() >> 20,
                HeapWatch.maxHeapBytes() >> 20);
        System.out.printf("largest heap after a garbage collection (live data): %,d MB%n", heap.largestLiveBytes() >> 20);
    }

    static ObjectNode offer(int index, SplittableRandom random, String dateExtraction, String datePremiereEcriture) {
        ObjectNode offer = JsonArrayFiles.MAPPER.createObjectNode();
        offer.put("id", String.format("%03d%c%c%c%c", 150 + index % 50, letter(index), letter(index / 26),
                letter(index / 676), letter(index / 17576)));
        offer.put("intitule", "Data engineer " + words(random, 4));
        offer.put("description", words(random, 3000));
        offer.put("dateCreation", "2025-07-" + (10 + random.nextInt(20)) + "T08:15:42.000Z");
        offer.put("dateActualisation", "2025-07-" + (10 + random.nextInt(20)) + "T17:03:11.000Z");
        offer.put("romeCode", "M1811").put("romeLibelle", "Data engineer").put("appellationlibelle", "Ingénieur / Ingénieure data");
        offer.putObject("entreprise").put("nom", "SOCIETE " + random.nextInt(5000))
                .put("description", words(random, 400)).put("entrepriseAdaptee", false);
        offer.put("typeContrat", "CDI").put("typeContratLibelle", "Contrat à durée indéterminée").put("natureContrat", "Contrat travail");
        offer.put("experienceExige", "E").put("experienceLibelle", "3 An(s)").put("experienceCommentaire", "en data engineering");
        offer.putArray("formations").addObject().put("codeFormation", "31054").put("domaineLibelle", "Informatique")
                .put("niveauLibelle", "Bac+5 et plus ou équivalents").put("commentaire", "école d'ingénieur").put("exigence", "S");
        offer.putArray("langues").addObject().put("libelle", "Anglais").put("exigence", "E");
        offer.putArray("permis").addObject().put("libelle", "B - Véhicule léger").put("exigence", "S");
        ArrayNode competences = offer.putArray("competences");
        for (int c = 0; c < 4; c++) {
            competences.addObject().put("code", String.valueOf(100000 + random.nextInt(900000)))
                    .put("libelle", words(random, 60)).put("exigence", "E");
        }
        ArrayNode qualites = offer.putArray("qualitesProfessionnelles");
        for (int q = 0; q < 3; q++) {
            qualites.addObject().put("libelle", words(random, 15)).put("description", words(random, 150));
        }
        offer.putObject("salaire").put("libelle", "Annuel de 45000.0 Euros à 55000.0 Euros sur 12.0 mois")
                .put("commentaire", "selon profil").put("complement1", "Mutuelle").put("complement2", "Titre-restaurant");
        offer.put("dureeTravailLibelle", "35H Horaires normaux").put("dureeTravailLibelleConverti", "Temps plein");
        offer.put("alternance", false).put("nombrePostes", 1).put("accessibleTH", random.nextBoolean());
        offer.put("deplacementCode", "1").put("deplacementLibelle", "Ponctuels Zone départementale");
        offer.put("qualificationCode", "9").put("qualificationLibelle", "Cadre");
        offer.put("codeNAF", "62.02A").put("secteurActivite", "62").put("secteurActiviteLibelle", "Conseil en systèmes et logiciels informatiques");
        ObjectNode origine = offer.putObject("origineOffre").put("origine", "1")
                .put("urlOrigine", "https://candidat.francetravail.fr/offres/recherche/detail/" + offer.get("id").asText());
        origine.putArray("partenaires").addObject().put("nom", "INDEED").put("url", "https://fr.indeed.com/").put("logo", "https://example.org/logo.png");
        offer.put("offresManqueCandidats", false).put("complementExercice", "Télétravail partiel").put("conditionExercice", "Horaires de bureau");
        offer.put("lieu_cas", "cas_1").put("code_insee", "69123").put("nom_commune", "Lyon").put("code_postal", "69003")
                .put("nom_ville", "LYON 03").put("code_departement", "69").put("nom_departement", "Rhône")
                .put("code_region", "84").put("nom_region", "Auvergne-Rhône-Alpes");
        offer.put("dateExtraction", dateExtraction);
        if (datePremiereEcriture != null) {
            offer.put("datePremiereEcriture", datePremiereEcriture);
        }
        return offer;
    }

    private static char letter(int value) {
        return (char) ('A' + value % 26);
    }

    private static String words(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 20);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
        }
        return text.toString().trim();
    }
}
