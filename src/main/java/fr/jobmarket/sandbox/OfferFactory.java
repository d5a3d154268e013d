package fr.jobmarket.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.sandbox.OfferLocations.Location;
import fr.jobmarket.sandbox.SandboxAppellations.Appellation;

import java.time.Instant;
import java.util.Map;

/**
 * Builds one synthetic offer object with the attributes of reference section 1.7, in the order France
 * Travail writes them. Everything follows from the offer's index; the awkward cases recur at fixed
 * intervals (see the constants) so that their counts are known for any data set size.
 */
final class OfferFactory {

    /** One offer in N of each awkward kind. */
    static final int VERY_LONG_DESCRIPTION_EVERY = 97;
    static final int VERY_LONG_COMPANY_EVERY = 89;
    static final int AWKWARD_TITLE_EVERY = 53;
    static final int NULL_DATE_ACTUALISATION_EVERY = 23;
    static final int NO_FORMATIONS_EVERY = 7;
    static final int EMPTY_PARTENAIRES_EVERY = 41;
    static final int ANONYMOUS_COMPANY_EVERY = 11;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Map<String, String> ROME = Map.of(
            "M1811", "Data engineer", "M1403", "Études et prospectives socio-économiques",
            "M1805", "Études et développement informatique", "M1802", "Expertise et support en systèmes d'information",
            "M1801", "Administration de systèmes d'information", "E1104", "Conception de contenus multimédias");
    private static final String[][] CONTRACTS = {
        {"CDI", "Contrat à durée indéterminée"}, {"CDD", "Contrat à durée déterminée - 12 Mois"},
        {"MIS", "Mission intérimaire - 6 Mois"}, {"LIB", "Profession libérale"}};
    private static final String[][] EXPERIENCES = {
        {"D", "Débutant accepté"}, {"E", "3 An(s)"}, {"S", "2 An(s) - expérience souhaitée"}};
    private static final String[][] PARTNERS = {
        {"CADREMPLOI", "https://www.cadremploi.fr/emploi/detail_offre?offreId=%s&utm_source=francetravail&utm_medium=api"},
        {"DIRECTEMPLOI", "https://www.directemploi.com/offre-d-emploi/ingenieur-data-h-f/%s?origine=francetravail_partenaire"},
        {"INDEED", "https://fr.indeed.com/viewjob?jk=%s&from=francetravail-partenariat&tk=1hx2k3l4m5n6o7p8"}};

    private OfferFactory() {
    }

    static String typeContrat(int index) {
        return CONTRACTS[contractRoll(index)][0];
    }

    static String experienceExige(int index) {
        return EXPERIENCES[(int) Math.floorMod(Mix.hash(index, 13), (long) EXPERIENCES.length)][0];
    }

    private static int contractRoll(int index) {
        int roll = (int) Math.floorMod(Mix.hash(index, 12), 100L);
        return roll < 70 ? 0 : roll < 88 ? 1 : roll < 96 ? 2 : 3;
    }

    static ObjectNode build(int index, String id, Appellation appellation, Instant created) {
        Mix mix = new Mix(Mix.hash(index, 1));
        ObjectNode offer = JSON.objectNode();
        offer.put("id", id);
        offer.put("intitule", index % AWKWARD_TITLE_EVERY == 17 ? OfferTexts.AWKWARD_TITLE : OfferTexts.title(appellation.group(), mix));
        offer.put("description", OfferTexts.description(mix, index % VERY_LONG_DESCRIPTION_EVERY == 11));
        offer.put("dateCreation", created.toString());
        if (index % NULL_DATE_ACTUALISATION_EVERY == 5) {
            offer.putNull("dateActualisation");
        } else {
            offer.put("dateActualisation", created.plusSeconds(mix.below(20 * 86400)).toString());
        }
        Location location = OfferLocations.of(index);
        if (location != null) {
            ObjectNode lieu = offer.putObject("lieuTravail");
            lieu.put("libelle", location.libelle());
            if (location.latitude() != null) {
                lieu.put("latitude", location.latitude());
                lieu.put("longitude", location.longitude());
            }
            if (location.codePostal() != null) {
                lieu.put("codePostal", location.codePostal());
            }
            if (location.commune() != null) {
                lieu.put("commune", location.commune());
            }
        }
        offer.put("romeCode", appellation.romeCode());
        offer.put("romeLibelle", ROME.get(appellation.romeCode()));
        offer.put("appellationlibelle", appellation.libelle());
        ObjectNode entreprise = offer.putObject("entreprise");
        if (index % ANONYMOUS_COMPANY_EVERY != 4) {
            String company = OfferTexts.company(mix);
            entreprise.put("nom", company);
            entreprise.put("description", OfferTexts.companyDescription(company, index % VERY_LONG_COMPANY_EVERY == 13));
        }
        entreprise.put("entrepriseAdaptee", false);
        String[] contract = CONTRACTS[contractRoll(index)];
        offer.put("typeContrat", contract[0]);
        offer.put("typeContratLibelle", contract[1]);
        offer.put("natureContrat", mix.chance(8) ? "Contrat apprentissage" : "Contrat travail");
        String exigence = experienceExige(index);
        for (String[] experience : EXPERIENCES) {
            if (experience[0].equals(exigence)) {
                offer.put("experienceExige", experience[0]);
                offer.put("experienceLibelle", experience[1]);
            }
        }
        if (mix.chance(20)) {
            offer.put("experienceCommentaire", "Expérience en environnement \"cloud\" appréciée");
        }
        if (index % NO_FORMATIONS_EVERY != 2) {
            ArrayNode formations = offer.putArray("formations");
            ObjectNode formation = formations.addObject();
            formation.put("codeFormation", "31025");
            formation.put("domaineLibelle", mix.chance(50) ? "Informatique" : "Statistiques");
            formation.put("niveauLibelle", mix.chance(60) ? "Bac+5 et plus ou équivalents" : "Bac+3, Bac+4 ou équivalents");
            formation.put("exigence", mix.chance(50) ? "E" : "S");
            if (mix.chance(30)) {
                formation.put("commentaire", "École d'ingénieur ou master (data, IA)");
            }
        }
        if (mix.chance(60)) {
            offer.putArray("langues").addObject().put("libelle", "Anglais").put("exigence", mix.chance(50) ? "E" : "S");
        }
        if (mix.chance(15)) {
            offer.putArray("permis").addObject().put("libelle", "B - Véhicule léger").put("exigence", "S");
        }
        ArrayNode competences = offer.putArray("competences");
        competences.addObject().put("code", "121451").put("libelle", "Analyser des données").put("exigence", "E");
        if (mix.chance(50)) {
            competences.addObject().put("code", "484524").put("libelle", "Concevoir une application web").put("exigence", "S");
        }
        ObjectNode salaire = offer.putObject("salaire");
        if (!mix.chance(15)) {
            int low = 32 + mix.below(30);
            // the shapes France Travail shows: mostly yearly ranges, some monthly single amounts, some free text
            // (no draw of its own, so the other attributes of the offer stay as they were)
            salaire.put("libelle", low % 7 == 0 ? "Selon profil"
                    : low % 5 == 0 ? "Mensuel de " + (low * 1000 / 12) + ",00 Euros sur 12 mois"
                    : "Annuel de " + low + "000,00 Euros à " + (low + 8) + "000,00 Euros sur 12 mois");
            if (mix.chance(40)) {
                salaire.put("commentaire", "Selon profil & expérience (100% télétravail possible)");
            }
            salaire.put("complement1", "Tickets restaurant");
            salaire.put("complement2", "Mutuelle");
        }
        boolean fullTime = !mix.chance(5);
        offer.put("dureeTravailLibelle", fullTime ? "35H Horaires normaux" : "24H Autre");
        offer.put("dureeTravailLibelleConverti", fullTime ? "Temps plein" : "Temps partiel");
        if (mix.chance(10)) {
            offer.put("complementExercice", "Télétravail 2 jours par semaine");
        }
        if (mix.chance(5)) {
            offer.put("conditionExercice", "Astreintes possibles le week-end");
        }
        offer.put("alternance", "Contrat apprentissage".equals(offer.get("natureContrat").asText()));
        if (mix.chance(30)) {
            offer.putObject("contact").put("nom", "DATANOVA - Mme Claire L'Hôte").put("courriel", "Pour postuler, utiliser le lien suivant : https://example.invalid/postuler");
        }
        if (mix.chance(20)) {
            offer.putObject("agence").put("courriel", "ape.00000@francetravail.fr");
        }
        offer.put("nombrePostes", 1 + (mix.chance(10) ? mix.below(4) : 0));
        offer.put("accessibleTH", mix.chance(20));
        if (mix.chance(25)) {
            offer.put("deplacementCode", "1");
            offer.put("deplacementLibelle", "Ponctuels Départemental");
        }
        boolean cadre = mix.chance(70);
        offer.put("qualificationCode", cadre ? "9" : "7");
        offer.put("qualificationLibelle", cadre ? "Cadre" : "Technicien");
        offer.put("codeNAF", "62.02A");
        offer.put("secteurActivite", "62");
        offer.put("secteurActiviteLibelle", "Conseil en systèmes et logiciels informatiques");
        ArrayNode qualites = offer.putArray("qualitesProfessionnelles");
        qualites.addObject().put("libelle", "Faire preuve de rigueur et de précision")
                .put("description", "Capacité à réaliser des tâches en suivant avec exactitude les règles, les procédures.");
        qualites.addObject().put("libelle", "Travailler en équipe")
                .put("description", "Capacité à travailler avec d'autres personnes, à partager l'information.");
        ObjectNode origine = offer.putObject("origineOffre");
        if (index % 3 == 1) {
            String[] partner = PARTNERS[(index / 3) % PARTNERS.length];
            origine.put("origine", "2");
            origine.put("urlOrigine", String.format(java.util.Locale.ROOT, partner[1], id.toLowerCase(java.util.Locale.ROOT)));
            ArrayNode partenaires = origine.putArray("partenaires");
            if (index % EMPTY_PARTENAIRES_EVERY != 19) {
                partenaires.addObject().put("nom", partner[0]).put("url", origine.get("urlOrigine").asText())
                        .put("logo", "https://www.francetravail.fr/static/logos/" + partner[0].toLowerCase(java.util.Locale.ROOT) + ".png");
            }
        } else {
            origine.put("origine", "1");
            origine.put("urlOrigine", "https://candidat.francetravail.fr/offres/recherche/detail/" + id);
            if (index % EMPTY_PARTENAIRES_EVERY == 19) {
                origine.putArray("partenaires");
            }
        }
        offer.put("offresManqueCandidats", mix.chance(10));
        return offer;
    }
}
