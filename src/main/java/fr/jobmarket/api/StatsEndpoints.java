package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import org.apache.camel.Exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Group 2 of the original API (counts, rankings, recruiters' criteria) and its four disabled criteria
 * endpoints: the formatting step of each query route, from the rows its {@code sql:} endpoint left in the
 * body to the text table or JSON answer.
 */
public final class StatsEndpoints {

    private static final Pattern TABS = Pattern.compile("\t+");

    /** 2-1 {@code total: 91 818 offres}. */
    public Answer totalOffres(Exchange exchange) {
        long total = ((Number) SqlRows.of(exchange).get(0).get("total")).longValue();
        return Responder.request(exchange).representation() == Responder.Representation.JSON
                ? Answer.json(Map.of("total", total)) : Answer.text("total: " + Texts.thousands(total) + " offres");
    }

    /** 2-4 */
    public Answer classementRegion(Exchange exchange) {
        return ranking(exchange, "région", "code_region", "nom_region", false);
    }

    /** 2-5 */
    public Answer classementDepartement(Exchange exchange) {
        return ranking(exchange, "département", "code_departement", "nom_departement", false);
    }

    /** 2-6: one line per INSEE code, with the commune's department. */
    public Answer classementVille(Exchange exchange) {
        return ranking(exchange, "ville", "code_insee", "nom", true);
    }

    private static Answer ranking(Exchange exchange, String header, String codeColumn, String nameColumn, boolean withDepartment) {
        List<List<?>> text = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map<String, Object> row : SqlRows.of(exchange)) {
            long count = ((Number) row.get("nb_offres")).longValue();
            BigDecimal share = percentage(count, ((Number) row.get("total")).longValue());
            List<Object> line = new ArrayList<>(List.of(count, share + " %", row.get(nameColumn)));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("nb_offres", count);
            object.put("pourcentage", share);
            object.put(codeColumn, row.get(codeColumn));
            object.put(header.equals("ville") ? "ville" : nameColumn, row.get(nameColumn));
            if (withDepartment) {
                line.add(row.get(codeColumn));
                line.add(row.get("nom_departement"));
                object.put("nom_departement", row.get("nom_departement"));
            }
            text.add(line);
            json.add(object);
        }
        List<String> headers = withDepartment
                ? List.of("nb offres", "pourcentage", header, "code_insee", "département")
                : List.of("nb offres", "pourcentage", header);
        return Responder.table(Responder.request(exchange), headers, text, json);
    }

    /** Offers per data job class; a null class is "vide" in the text table, null in JSON. */
    public Answer offresParMetier(Exchange exchange) {
        List<Map<String, Object>> rows = SqlRows.of(exchange);
        long total = rows.stream().mapToLong(row -> ((Number) row.get("nb_offres")).longValue()).sum();
        List<List<?>> text = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            long count = ((Number) row.get("nb_offres")).longValue();
            BigDecimal share = percentage(count, total);
            Object metier = row.get("metier_data");
            text.add(List.of(count, share + " %", metier == null ? Filters.NO_METIER : metier));
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("nb_offres", count);
            object.put("pourcentage", share);
            object.put("metier_data", metier);
            json.add(object);
        }
        return Responder.table(Responder.request(exchange), List.of("nb offres", "pourcentage", "metier data"), text, json);
    }

    /** Offers per weekday of creation, Monday first. */
    public Answer offresParJourCreation(Exchange exchange) {
        return rows(exchange, List.of("jour", "nom du jour", "nb offres"), List.of("jour", "nom_jour", "nb_offres"), -1);
    }

    /** Offers per keyword found in their description. */
    public Answer motsCles(Exchange exchange) {
        return rows(exchange, List.of("nb offres", "mot-clé"), List.of("nb_offres", "mot_cle"), -1);
    }

    /** count x 100 / total rounded to one decimal as Python's round() does (half-even on the exact value). */
    static BigDecimal percentage(long count, long total) {
        if (total == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return new BigDecimal(count * 100.0 / total).setScale(1, RoundingMode.HALF_EVEN);
    }

    /** 2-7 */
    public Answer competences(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "code", "libelle", "code exigence"),
                List.of("nb_occurences", "code", "libelle", "code_exigence"), 2);
    }

    /** 2-8 */
    public Answer experiences(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "libelle", "commentaire", "code exigence"),
                List.of("nb_occurences", "libelle", "commentaire", "code_exigence"), -1);
    }

    /** 2-9 */
    public Answer qualitesProfessionnelles(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "qualité professionnelle"),
                List.of("nb_occurences", "qualite_professionnelle"), -1);
    }

    /** 7.6, enabled here */
    public Answer qualifications(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "qualification"), List.of("nb_occurences", "qualification"), -1);
    }

    /** 7.6, enabled here */
    public Answer formations(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "code", "domaine", "niveau", "commentaire", "code exigence"),
                List.of("nb_occurences", "code", "domaine", "niveau", "commentaire", "code_exigence"), -1);
    }

    /** 7.6, enabled here */
    public Answer permisConduire(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "permis de conduire", "code exigence"),
                List.of("nb_occurences", "permis_de_conduire", "code_exigence"), -1);
    }

    /** 7.6, enabled here */
    public Answer langues(Exchange exchange) {
        return rows(exchange, List.of("nb occurences", "langue", "code exigence"),
                List.of("nb_occurences", "langue", "code_exigence"), -1);
    }

    /** Salaries per métier (reference 6.3 revived): counts and quartiles of the yearly salary, in euros. */
    public Answer salaires(Exchange exchange) {
        return rows(exchange, List.of("métier", "nb offres", "nb salaires", "nb textes non lus", "1er quartile", "médiane",
                        "3e quartile"),
                List.of("metier_data", "nb_offres", "nb_salaires", "nb_textes_non_lus", "premier_quartile", "mediane",
                        "troisieme_quartile"), -1);
    }

    /** Distribution of the yearly salary per métier, by 5,000-euro steps. */
    public Answer salairesTranches(Exchange exchange) {
        return rows(exchange, List.of("métier", "tranche (euros par an)", "nb offres"),
                List.of("metier_data", "tranche", "nb_offres"), -1);
    }

    /** Offers available and new per extraction date and métier. */
    public Answer tendances(Exchange exchange) {
        return rows(exchange, List.of("date extraction", "métier", "nb offres dispo", "nb offres nouvelles"),
                List.of("date_extraction", "metier_data", "nb_offres_dispo", "nb_offres_nouvelles"), -1);
    }

    /**
     * A table of the SQL rows: the SQL columns in header order. {@code cutColumn} is the competence label the
     * original cuts to 120 characters in its text table; tab runs become one space in the text table only,
     * JSON carries the stored text.
     */
    private static Answer rows(Exchange exchange, List<String> headers, List<String> fields, int cutColumn) {
        Responder.Request request = Responder.request(exchange);
        boolean asText = request.representation() != Responder.Representation.JSON; // the table only when asked
        List<List<?>> text = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        for (Map<String, Object> row : SqlRows.of(exchange)) {
            List<Object> values = new ArrayList<>(row.values());
            Map<String, Object> object = new LinkedHashMap<>();
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                object.put(fields.get(c), value);
                if (asText && value instanceof String label) {
                    value = label.indexOf('\t') < 0 ? label : TABS.matcher(label).replaceAll(" ");
                    values.set(c, c == cutColumn ? Texts.cut((String) value, 120) : value);
                }
            }
            if (asText) {
                text.add(values);
            }
            json.add(object);
        }
        return Responder.table(request, headers, text, json);
    }
}
