package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.geo.GeoReference;
import org.apache.camel.Exchange;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Group 1 of the original API (one or several offers) and the fake-offer endpoints of group 2. */
public final class OfferEndpoints {

    public static final String JOKER = "*JOKER*";
    private static final Pattern OFFRE_ID = Pattern.compile("[A-Za-z0-9]{7}");
    private static final String OFFRE_ID_MESSAGE = "'offre_id' doit être sur 7 caractères alphanumériques.";
    /** Drawing a free id among 36^7 fails this often only if the table is nearly full. */
    private static final int ID_ATTEMPTS = 20;

    private final Warehouse warehouse;
    private final Responder responder;
    private final AdminToken adminToken;
    private final FakeOffers fakeOffers = new FakeOffers();
    private final Supplier<GeoReference> geo = Geo::reference;

    public OfferEndpoints(DataSource dataSource, ApiCache cache, AdminToken adminToken) {
        this.warehouse = new Warehouse(dataSource);
        this.responder = new Responder(cache);
        this.adminToken = adminToken;
    }

    /** 1-1: a few attributes of one offer; {@code *JOKER*} (the default) draws one from the warehouse. */
    public void attributsFromTransformations(Exchange exchange) {
        responder.answer(exchange, request -> {
            String offreId = request.query().single("offre_id");
            if (offreId == null || offreId.isEmpty() || JOKER.equals(offreId)) {
                List<Map<String, Object>> drawn = warehouse.query("offre-au-hasard");
                if (drawn.isEmpty()) {
                    throw ApiProblem.notFound("Aucune offre dans l'entrepôt : '*JOKER*' ne peut en tirer aucune.");
                }
                offreId = (String) drawn.get(0).get("offre_id");
            }
            offreId = validOffreId(offreId);
            List<Map<String, Object>> rows = warehouse.query("offre-attributs", offreId);
            if (rows.isEmpty()) {
                throw ApiProblem.notFound("L'offre " + offreId + " n'existe pas.");
            }
            Map<String, Object> row = rows.get(0);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("offre_id", row.get("offre_id"));
            body.put("intitulé", row.get("intitule_offre"));
            body.put("date création", row.get("date_creation"));
            body.put("ville", row.get("nom_ville"));
            body.put("département", row.get("nom_departement"));
            body.put("région", row.get("nom_region"));
            body.put("metier data", row.get("metier_data"));
            body.put("liste mots clés", row.get("liste_mots_cles"));
            body.put("description", row.get("description_offre"));
            return Answer.json(body);
        });
    }

    /** 1-2: one fake offer, in one transaction, with an id no offer of the database has. */
    public void ajoutOffreFactice(Exchange exchange) {
        responder.answer(exchange, request -> {
            adminToken.authorize(exchange);
            for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
                String id = fakeOffers.newId();
                Number inserted = (Number) warehouse.change("ajout-offre-factice", id, FakeOffers.TITLE).get(0).get("inserted");
                if (inserted.intValue() == 1) {
                    responder.cache().invalidate();
                    return Answer.json("Offre " + id + " ajoutée");
                }
            }
            throw new IllegalStateException("no free fake offer id after " + ID_ATTEMPTS + " draws");
        });
    }

    /** 1-3: deletes one offer and everything attached to it; 404 when there is no such offer. */
    public void suppressionOffre(Exchange exchange) {
        responder.answer(exchange, request -> {
            adminToken.authorize(exchange);
            String offreId = request.query().single("offre_id");
            if (offreId == null) {
                throw ApiProblem.badRequest("Le paramètre 'offre_id' est obligatoire.");
            }
            offreId = validOffreId(offreId);
            if (warehouse.update("suppression-offre", offreId) == 0) {
                throw ApiProblem.notFound("L'offre " + offreId + " n'existe pas : rien n'a été supprimé.");
            }
            responder.cache().invalidate();
            return Answer.json("Offre " + offreId + " supprimée");
        });
    }

    /** 2-2: {@code ["7 offre(s) factice(s)", ["FGX61KP", ...]]}. */
    public void totalOffresFactices(Exchange exchange) {
        responder.answer(exchange, request -> {
            List<String> ids = warehouse.query("offres-factices", FakeOffers.TITLE).stream()
                    .map(row -> (String) row.get("offre_id")).toList();
            return Answer.json(List.of(ids.size() + " offre(s) factice(s)", ids));
        });
    }

    /** 2-3: every fake offer deleted in one statement. */
    public void suppressionAllOffresFactices(Exchange exchange) {
        responder.answer(exchange, request -> {
            adminToken.authorize(exchange);
            List<String> ids = new ArrayList<>(warehouse.change("suppression-offres-factices", FakeOffers.TITLE).stream()
                    .map(row -> (String) row.get("offre_id")).toList());
            ids.sort(null);
            responder.cache().invalidate();
            return Answer.json(ids.size() + " offre(s) supprimée(s) : " + Texts.pythonList(ids));
        });
    }

    /** 1-4: the 10 most recently created offers matching the filters. */
    public void plusieursOffres(Exchange exchange) {
        responder.answer(exchange, request -> {
            Filters filters = Filters.from(request.query(), geo.get());
            return responder.cached("plusieurs_offres", filters.key(), request, () -> {
                List<List<?>> text = new ArrayList<>();
                List<Map<String, Object>> json = new ArrayList<>();
                for (Map<String, Object> row : warehouse.filtered("plusieurs-offres", filters)) {
                    text.add(java.util.Arrays.asList(row.get("offre_id"), Texts.cut((String) row.get("intitule_offre"), 50),
                            orNone(row.get("date_creation")) + " / " + orNone(row.get("date_actualisation")),
                            row.get("experience_libelle"), row.get("nom_ville"), row.get("nom_region")));
                    Map<String, Object> object = new LinkedHashMap<>();
                    object.put("offre_id", row.get("offre_id"));
                    object.put("intitule", row.get("intitule_offre"));
                    object.put("date_creation", row.get("date_creation"));
                    object.put("date_actualisation", row.get("date_actualisation"));
                    object.put("experience", row.get("experience_libelle"));
                    object.put("ville", row.get("nom_ville"));
                    object.put("region", row.get("nom_region"));
                    json.add(object);
                }
                return Responder.table(request, List.of("offre_id", "intitulé (50 chars max)", "créé le / actualisé le",
                        "expérience", "ville", "région"), text, json);
            });
        });
    }

    private static Object orNone(Object date) {
        return date == null ? "None" : date;
    }

    private static String validOffreId(String offreId) {
        if (!OFFRE_ID.matcher(offreId).matches()) {
            throw ApiProblem.badRequest(OFFRE_ID_MESSAGE);
        }
        return offreId;
    }
}
