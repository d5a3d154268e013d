package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlConstants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Group 1 of the original API (one or several offers) and the fake-offer endpoints of group 2: the checks
 * and formatting steps of their routes (routes/api.camel.yaml); the statements run in {@code sql:} endpoints.
 */
public final class OfferEndpoints {

    public static final String JOKER = "*JOKER*";
    /** Headers read by the statements as named parameters. */
    static final String OFFRE_ID = "offre_id";
    static final String INTITULE = "intitule";
    /** Exchange property: the id of the fake offer the last draw inserted. */
    static final String FAKE_OFFER_ADDED = "fakeOfferAdded";
    private static final String FAKE_OFFER_DRAWS = "fakeOfferDraws";
    private static final Pattern OFFRE_ID_PATTERN = Pattern.compile("[A-Za-z0-9]{7}");
    private static final String OFFRE_ID_MESSAGE = "'offre_id' doit être sur 7 caractères alphanumériques.";
    /** Drawing a free id among 36^7 fails this often only if the table is nearly full. */
    static final int ID_ATTEMPTS = 20;

    private final FakeOffers fakeOffers = new FakeOffers();

    /** 1-1: true when the request asks for an offer drawn at random ({@code *JOKER*}, the default); else the checked id. */
    public boolean joker(Exchange exchange) {
        String offreId = Responder.request(exchange).query().single(OFFRE_ID);
        if (offreId == null || offreId.isEmpty() || JOKER.equals(offreId)) {
            return true;
        }
        SqlRows.parameter(exchange, OFFRE_ID, validOffreId(offreId));
        return false;
    }

    /** 1-1 with {@code *JOKER*}: the drawn offer's id, or 404 when the warehouse is empty. */
    public void drawn(Exchange exchange) {
        List<Map<String, Object>> drawn = SqlRows.of(exchange);
        if (drawn.isEmpty()) {
            throw ApiProblem.notFound("Aucune offre dans l'entrepôt : '*JOKER*' ne peut en tirer aucune.");
        }
        SqlRows.parameter(exchange, OFFRE_ID, drawn.get(0).get("offre_id"));
    }

    /** 1-1: a few attributes of one offer. */
    public Answer attributs(Exchange exchange) {
        List<Map<String, Object>> rows = SqlRows.of(exchange);
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("L'offre " + exchange.getMessage().getHeader(OFFRE_ID) + " n'existe pas.");
        }
        return Answer.json(renamed(rows.get(0), "offre_id", "offre_id", "intitulé", "intitule_offre",
                "date création", "date_creation", "ville", "nom_ville", "département", "nom_departement",
                "région", "nom_region", "metier data", "metier_data", "liste mots clés", "liste_mots_cles",
                "description", "description_offre"));
    }

    /** 1-2: a new random id for the next insert attempt (the statement inserts nothing when the id exists). */
    public void drawFakeOfferId(Exchange exchange) {
        int draws = exchange.getProperty(FAKE_OFFER_DRAWS, 0, Integer.class);
        if (draws >= ID_ATTEMPTS) {
            throw new IllegalStateException("no free fake offer id after " + ID_ATTEMPTS + " draws");
        }
        exchange.setProperty(FAKE_OFFER_DRAWS, draws + 1);
        SqlRows.parameter(exchange, OFFRE_ID, fakeOffers.newId());
        SqlRows.parameter(exchange, INTITULE, FakeOffers.TITLE);
    }

    /** 1-2: remembers the id when the statement inserted the offer. */
    public void fakeOfferInserted(Exchange exchange) {
        if (((Number) SqlRows.of(exchange).get(0).get("inserted")).intValue() == 1) {
            exchange.setProperty(FAKE_OFFER_ADDED, exchange.getMessage().getHeader(OFFRE_ID));
        }
    }

    public Answer fakeOfferAdded(Exchange exchange) {
        return Answer.json("Offre " + exchange.getProperty(FAKE_OFFER_ADDED) + " ajoutée");
    }

    /** 1-3: the id to delete, required. */
    public void offerToDelete(Exchange exchange) {
        String offreId = Responder.request(exchange).query().single(OFFRE_ID);
        if (offreId == null) {
            throw ApiProblem.badRequest("Le paramètre 'offre_id' est obligatoire.");
        }
        SqlRows.parameter(exchange, OFFRE_ID, validOffreId(offreId));
    }

    /** 1-3: 404 when there was no such offer. */
    public Answer offerDeleted(Exchange exchange) {
        Object offreId = exchange.getMessage().getHeader(OFFRE_ID);
        Integer deleted = exchange.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
        if (deleted == null || deleted == 0) {
            throw ApiProblem.notFound("L'offre " + offreId + " n'existe pas : rien n'a été supprimé.");
        }
        return Answer.json("Offre " + offreId + " supprimée");
    }

    /** 2-2 and 2-3: the statements select the fake offers by their title. */
    public void fakeOffers(Exchange exchange) {
        SqlRows.parameter(exchange, INTITULE, FakeOffers.TITLE);
    }

    /** 2-2: {@code ["7 offre(s) factice(s)", ["FGX61KP", ...]]}. */
    public Answer fakeOfferList(Exchange exchange) {
        List<String> ids = ids(exchange);
        return Answer.json(List.of(ids.size() + " offre(s) factice(s)", ids));
    }

    /** 2-3: every fake offer deleted in one statement. */
    public Answer fakeOffersDeleted(Exchange exchange) {
        List<String> ids = new ArrayList<>(ids(exchange));
        ids.sort(null);
        return Answer.json(ids.size() + " offre(s) supprimée(s) : " + Texts.pythonList(ids));
    }

    private static List<String> ids(Exchange exchange) {
        return SqlRows.of(exchange).stream().map(row -> (String) row.get("offre_id")).toList();
    }

    /** 1-4: the 10 most recently created offers matching the filters. */
    public Answer plusieursOffres(Exchange exchange) {
        List<List<?>> text = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map<String, Object> row : SqlRows.of(exchange)) {
            text.add(java.util.Arrays.asList(row.get("offre_id"), Texts.cut((String) row.get("intitule_offre"), 50),
                    orNone(row.get("date_creation")) + " / " + orNone(row.get("date_actualisation")),
                    row.get("experience_libelle"), row.get("nom_ville"), row.get("nom_region")));
            json.add(renamed(row, "offre_id", "offre_id", "intitule", "intitule_offre", "date_creation", "date_creation",
                    "date_actualisation", "date_actualisation", "experience", "experience_libelle", "ville", "nom_ville",
                    "region", "nom_region"));
        }
        return Responder.table(Responder.request(exchange), List.of("offre_id", "intitulé (50 chars max)",
                "créé le / actualisé le", "expérience", "ville", "région"), text, json);
    }

    /** The 100 most recently created offers matching the filters, with their data job class (the dashboard's table). */
    public Answer listeOffres(Exchange exchange) {
        List<List<?>> text = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map<String, Object> row : SqlRows.of(exchange)) {
            text.add(java.util.Arrays.asList(row.get("offre_id"), Texts.cut((String) row.get("intitule_offre"), 80),
                    row.get("metier_data"), row.get("date_creation")));
            json.add(renamed(row, "offre_id", "offre_id", "intitule", "intitule_offre", "metier_data", "metier_data",
                    "date_creation", "date_creation"));
        }
        return Responder.table(Responder.request(exchange), List.of("offre_id", "intitulé (80 chars max)", "metier data", "créé le"),
                text, json);
    }


    /** The row's columns under the answer's names: pairs of (answer name, column). */
    private static Map<String, Object> renamed(Map<String, Object> row, String... nameAndColumn) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameAndColumn.length; i += 2) {
            object.put(nameAndColumn[i], row.get(nameAndColumn[i + 1]));
        }
        return object;
    }

    private static Object orNone(Object date) {
        return date == null ? "None" : date;
    }

    private static String validOffreId(String offreId) {
        if (!OFFRE_ID_PATTERN.matcher(offreId).matches()) {
            throw ApiProblem.badRequest(OFFRE_ID_MESSAGE);
        }
        return offreId;
    }
}
