package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The staging rows of one offer record (CONTRACTS.md, "the offer record through the pipeline"), with the
 * column sources of reference.md 5.2. Contacts, agency and the raw work place are never read (5.6).
 *
 * @param offreId   the offer id, never null
 * @param offre     the staging_offre row, in the column order of {@code staging_offre_copy.sql}
 * @param problems  attributes that were unreadable (stored as NULL), for the log
 */
public record OfferRows(String offreId, List<Object> offre, List<List<Object>> competences,
        List<List<Object>> formations, List<List<Object>> qualites, List<List<Object>> langues,
        List<List<Object>> permis, List<String> problems, int nulCharacters) {

    private static final Set<String> LIEU_CAS = Set.of("cas_1", "cas_2", "cas_3", "cas_4", "cas_5");

    /**
     * @param runDate the run's extraction date: the junction date of an offer whose dateExtraction is unreadable
     * @return the rows, or null when the offer has no usable id (it cannot be stored at all)
     */
    public static OfferRows of(ObjectNode offer, LocalDate runDate, Classification classification) {
        OfferFields f = new OfferFields();
        String id = f.text(offer, "id");
        if (id == null) {
            return null;
        }
        LocalDate dateExtraction = f.date(offer, "dateExtraction");
        LocalDate dateLien = dateExtraction != null ? dateExtraction : runDate;
        JsonNode salaire = f.object(offer, "salaire");
        JsonNode entreprise = f.object(offer, "entreprise");
        JsonNode origine = f.object(offer, "origineOffre");
        String intitule = f.text(offer, "intitule");
        String description = f.text(offer, "description");
        String metierData = classification.metierData(intitule);
        List<String> keywords = classification.keywords(description, metierData);
        String lieuCas = f.text(offer, "lieu_cas");
        if (lieuCas != null && !LIEU_CAS.contains(lieuCas)) {
            f.problem("lieu_cas: expected cas_1 to cas_5, found '" + lieuCas + "'");
            lieuCas = null;
        }
        List<Object> offre = Arrays.asList(
                id, dateExtraction, f.date(offer, "datePremiereEcriture"), f.date(offer, "dateCreation"),
                f.date(offer, "dateActualisation"), f.integer(offer, "nombrePostes"),
                // contrat
                f.text(offer, "typeContrat"), f.text(offer, "typeContratLibelle"), f.text(offer, "dureeTravailLibelle"),
                f.text(offer, "dureeTravailLibelleConverti"), f.text(offer, "natureContrat"),
                f.text(salaire, "libelle"), f.text(salaire, "complement1"), f.text(salaire, "complement2"),
                f.text(salaire, "commentaire"), f.bool(offer, "alternance"), f.integer(offer, "deplacementCode"),
                f.text(offer, "deplacementLibelle"), f.text(offer, "complementExercice"), f.text(offer, "conditionExercice"),
                // entreprise
                f.text(entreprise, "nom"), f.text(entreprise, "description"), f.bool(entreprise, "entrepriseAdaptee"),
                f.text(offer, "codeNAF"), f.text(offer, "secteurActiviteLibelle"),
                // localisation
                f.text(offer, "code_insee"), f.text(offer, "nom_commune"), f.text(offer, "code_postal"),
                f.text(offer, "nom_ville"), f.text(offer, "code_departement"), f.text(offer, "nom_departement"),
                f.text(offer, "code_region"), f.text(offer, "nom_region"), lieuCas,
                // descriptionoffre
                intitule, description, partenaire(f, origine), f.text(offer, "romeCode"), f.text(offer, "romeLibelle"),
                f.text(offer, "appellationlibelle"), f.bool(offer, "offresManqueCandidats"), f.bool(offer, "accessibleTH"),
                f.text(origine, "urlOrigine"), metierData, keywords == null || keywords.isEmpty() ? null : keywords,
                // experience, qualification
                f.text(offer, "experienceLibelle"), f.text(offer, "experienceExige"), f.text(offer, "experienceCommentaire"),
                f.integer(offer, "qualificationCode"), f.text(offer, "qualificationLibelle"),
                dateLien);
        return new OfferRows(id, offre, competences(f, offer, id, dateLien), formations(f, offer, id, dateLien),
                qualites(f, offer, id, dateLien), pairs(f, offer, "langues", id, dateLien),
                pairs(f, offer, "permis", id, dateLien), f.problems(), f.nulCharacters());
    }

    /** origineOffre.partenaires[0].nom; NULL without partners (the original failed on an empty list). */
    private static String partenaire(OfferFields f, JsonNode origine) {
        List<JsonNode> partenaires = f.objects(origine, "partenaires");
        return partenaires == null || partenaires.isEmpty() ? null : f.text(partenaires.get(0), "nom");
    }

    private static List<List<Object>> competences(OfferFields f, JsonNode offer, String id, LocalDate date) {
        List<List<Object>> rows = new ArrayList<>();
        List<JsonNode> elements = f.objects(offer, "competences");
        for (JsonNode c : elements == null ? List.<JsonNode>of() : elements) {
            // the original stores code 0 when the key is absent
            Integer code = c.has("code") ? f.integer(c, "code") : Integer.valueOf(0);
            rows.add(Arrays.asList(id, date, code, f.text(c, "libelle"), f.text(c, "exigence")));
        }
        return rows;
    }

    private static List<List<Object>> formations(OfferFields f, JsonNode offer, String id, LocalDate date) {
        List<JsonNode> elements = f.objects(offer, "formations");
        if (elements == null) {
            // as the original: no formations key means one formation with every field empty (code 0)
            return List.of(Arrays.asList(id, date, 0, null, null, null, null));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode c : elements) {
            Integer code = c.has("codeFormation") ? f.integer(c, "codeFormation") : Integer.valueOf(0);
            rows.add(Arrays.asList(id, date, code, f.text(c, "domaineLibelle"), f.text(c, "niveauLibelle"),
                    f.text(c, "commentaire"), f.text(c, "exigence")));
        }
        return rows;
    }

    private static List<List<Object>> qualites(OfferFields f, JsonNode offer, String id, LocalDate date) {
        List<List<Object>> rows = new ArrayList<>();
        List<JsonNode> elements = f.objects(offer, "qualitesProfessionnelles");
        for (JsonNode c : elements == null ? List.<JsonNode>of() : elements) {
            rows.add(Arrays.asList(id, date, f.text(c, "libelle"), f.text(c, "description")));
        }
        return rows;
    }

    /** langues and permis: (libelle, exigence); the libelle is the dimension's NOT NULL key. */
    private static List<List<Object>> pairs(OfferFields f, JsonNode offer, String field, String id, LocalDate date) {
        List<List<Object>> rows = new ArrayList<>();
        List<JsonNode> elements = f.objects(offer, field);
        for (JsonNode c : elements == null ? List.<JsonNode>of() : elements) {
            String libelle = f.text(c, "libelle");
            if (libelle == null) {
                f.problem(field + ": an element without libelle is not stored");
                continue;
            }
            rows.add(Arrays.asList(id, date, libelle, f.text(c, "exigence")));
        }
        return rows;
    }
}
