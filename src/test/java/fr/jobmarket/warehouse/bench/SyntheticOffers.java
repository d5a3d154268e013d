package fr.jobmarket.warehouse.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.history.JsonArrayFiles;

import java.util.Random;

/**
 * Offer records shaped like the history's (CONTRACTS.md step 2): about 60 attributes, a description of
 * about 3,000 characters, several competences and qualities drawn from pools of realistic size, so that
 * dimensions are shared between offers as in the real data. Deterministic for a given id and version.
 */
final class SyntheticOffers {

    private static final String[] WORDS = ("données pipeline équipe projet client analyse python sql cloud mission"
            + " entreprise poste développement production qualité suivi reporting architecture plateforme"
            + " outils méthodes agile rigueur autonomie expérience formation télétravail avantages salaire"
            + " collaborateurs innovation industrie santé énergie banque assurance transport logistique").split(" ");
    private static final String[] CONTRATS = {"CDI", "CDD", "MIS", "SAI", "LIB"};
    private static final String[] EXIGENCES = {"E", "S"};
    private static final String[] QUALIFICATIONS = {"Manœuvre", "Ouvrier spécialisé", "Ouvrier qualifié (P1,P2)",
            "Ouvrier qualifié (P3,P4,OHQ)", "Employé non qualifié", "Employé qualifié", "Technicien",
            "Agent de maîtrise", "Cadre"};

    private SyntheticOffers() {
    }

    static String id(int number) {
        return String.format("%07d", number);
    }

    /** @param version 0 for the first extraction; another value changes a few attributes, as an update does */
    static ObjectNode offer(int number, String dateExtraction, String datePremiereEcriture, int version) {
        Random random = new Random(number * 31L + version);
        ObjectNode o = JsonArrayFiles.MAPPER.createObjectNode();
        o.put("id", id(number));
        o.put("intitule", pick(random, WORDS) + " " + pick(random, WORDS) + " (H/F) n°" + (number % 5000));
        o.put("description", description(random));
        o.put("dateCreation", "2025-0" + (1 + random.nextInt(7)) + "-1" + random.nextInt(10) + "T09:12:44.000Z");
        o.put("dateActualisation", "2025-07-1" + random.nextInt(10) + "T10:00:00.000Z");
        o.put("romeCode", "M18" + (10 + random.nextInt(20)));
        o.put("romeLibelle", "Libellé ROME " + random.nextInt(30));
        o.put("appellationlibelle", "Appellation " + random.nextInt(61));
        ObjectNode entreprise = o.putObject("entreprise");
        entreprise.put("nom", "ENTREPRISE " + random.nextInt(20_000));
        entreprise.put("description", sentence(random, 40));
        entreprise.put("entrepriseAdaptee", random.nextInt(50) == 0);
        entreprise.put("url", "https://entreprise.example/" + number);
        o.put("typeContrat", pick(random, CONTRATS));
        o.put("typeContratLibelle", "Contrat " + pick(random, CONTRATS));
        o.put("natureContrat", "Contrat travail");
        o.put("experienceExige", random.nextBoolean() ? "E" : "D");
        o.put("experienceLibelle", (1 + random.nextInt(10)) + " An(s)");
        if (random.nextBoolean()) {
            o.put("experienceCommentaire", "sur un poste similaire " + random.nextInt(20));
        }
        ArrayNode formations = o.putArray("formations");
        for (int i = random.nextInt(3); i > 0; i--) {
            ObjectNode f = formations.addObject();
            f.put("codeFormation", String.valueOf(31000 + random.nextInt(100)));
            f.put("domaineLibelle", "Domaine " + random.nextInt(100));
            f.put("niveauLibelle", "Bac+" + (2 + random.nextInt(4)));
            f.put("exigence", pick(random, EXIGENCES));
        }
        ArrayNode competences = o.putArray("competences");
        for (int i = 3 + random.nextInt(6); i > 0; i--) {
            int c = random.nextInt(3_000);
            competences.addObject().put("code", String.valueOf(100_000 + c)).put("libelle", "Compétence " + c)
                    .put("exigence", EXIGENCES[c % 2]);
        }
        ArrayNode qualites = o.putArray("qualitesProfessionnelles");
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int q = random.nextInt(60);
            qualites.addObject().put("libelle", "Qualité " + q).put("description", "Description de la qualité " + q + ".");
        }
        if (random.nextInt(4) == 0) {
            o.putArray("langues").addObject().put("libelle", "Anglais").put("exigence", pick(random, EXIGENCES));
        }
        if (random.nextInt(5) == 0) {
            o.putArray("permis").addObject().put("libelle", "B - Véhicule léger").put("exigence", pick(random, EXIGENCES));
        }
        ObjectNode salaire = o.putObject("salaire");
        salaire.put("libelle", "Annuel de " + (30 + random.nextInt(40)) + "000 Euros");
        salaire.put("commentaire", "selon profil");
        salaire.put("complement1", "Mutuelle");
        o.put("dureeTravailLibelle", "35H Horaires normaux");
        o.put("dureeTravailLibelleConverti", random.nextInt(10) == 0 ? "Temps partiel" : "Temps plein");
        o.put("alternance", random.nextInt(20) == 0);
        o.put("nombrePostes", 1 + random.nextInt(3));
        o.put("accessibleTH", random.nextBoolean());
        o.put("deplacementCode", 1 + random.nextInt(3));
        o.put("deplacementLibelle", "Ponctuels");
        int qualification = 1 + random.nextInt(9);
        o.put("qualificationCode", String.valueOf(qualification));
        o.put("qualificationLibelle", QUALIFICATIONS[qualification - 1]);
        o.put("codeNAF", "62.0" + random.nextInt(10) + "Z");
        o.put("secteurActivite", "62");
        o.put("secteurActiviteLibelle", "Programmation informatique " + random.nextInt(50));
        ObjectNode origine = o.putObject("origineOffre");
        origine.put("origine", "1");
        origine.put("urlOrigine", "https://candidat.francetravail.fr/offres/recherche/detail/" + id(number));
        if (random.nextBoolean()) {
            origine.putArray("partenaires").addObject().put("nom", "PARTENAIRE" + random.nextInt(10)).put("url", "https://p.example");
        }
        o.put("offresManqueCandidats", random.nextInt(10) == 0);
        o.put("complementExercice", "Travail en journée");
        o.put("conditionExercice", random.nextBoolean() ? null : "Port de chaussures de sécurité");
        o.put("lieu_cas", "cas_1");
        int commune = random.nextInt(35_000);
        o.put("code_insee", String.format("%05d", 1000 + commune));
        o.put("nom_commune", "Commune " + commune);
        o.put("code_postal", String.format("%05d", 1000 + commune));
        o.put("nom_ville", "Ville " + commune);
        o.put("code_departement", String.format("%02d", 1 + commune % 95));
        o.put("nom_departement", "Département " + (1 + commune % 95));
        o.put("code_region", String.valueOf(11 + commune % 13));
        o.put("nom_region", "Région " + (11 + commune % 13));
        o.put("dateExtraction", dateExtraction);
        o.put("datePremiereEcriture", datePremiereEcriture);
        return o;
    }

    private static String description(Random random) {
        StringBuilder text = new StringBuilder(3_100);
        while (text.length() < 2_900 + random.nextInt(200)) {
            text.append(pick(random, WORDS)).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        return text.toString();
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(pick(random, WORDS)).append(' ');
        }
        return text.toString().strip();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
