package fr.jobmarket.api;

import fr.jobmarket.geo.GeoReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The common filter set of the original (reference 7.1): {@code metier_data}, {@code offres_dispo_only}
 * and the four location code lists, validated in the original's order, the first failing parameter
 * answering 400 with every bad value it holds. Beyond the original, {@code metier_data=vide} selects the offers
 * without a data job class (the report's "(Blank)" slicer value).
 *
 * <p>Every filtered query reads the same six named parameters (see {@link #sqlParameters}).
 */
public record Filters(String metierData, boolean offresDispoOnly, List<String> codeRegion,
                      List<String> codeDepartement, List<String> codePostal, List<String> codeInsee) {

    public static final Set<String> METIERS = Set.of("DE", "DA", "DS");
    /** The {@code metier_data} value that selects the offers without a class (the report's "(Blank)"). */
    public static final String NO_METIER = "vide";
    /** More distinct codes than France has communes cannot be a real filter. */
    static final int MAX_CODES = 40_000;

    public static final Filters NONE = new Filters(null, false, List.of(), List.of(), List.of(), List.of());

    public static Filters from(QueryParameters query, GeoReference geo) {
        String metierData = metierData(query);
        boolean dispo = offresDispoOnly(query);
        return new Filters(metierData, dispo,
                codes(query, "code_region", geo.regionCodes(), "Les codes région"),
                codes(query, "code_departement", geo.departmentCodes(), "Les codes département"),
                codes(query, "code_postal", geo.postalCodes(), "Les codes postaux"),
                codes(query, "code_insee", geo.inseeCodes(), "Les codes insee"));
    }

    static String metierData(QueryParameters query) {
        String value = query.single("metier_data");
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!METIERS.contains(value) && !NO_METIER.equals(value)) {
            throw ApiProblem.badRequest("'metier_data' doit valoir DE, DA, DS ou vide (reçu : "
                    + Texts.quoted(Texts.shortened(value)) + ").");
        }
        return value;
    }

    static boolean offresDispoOnly(QueryParameters query) {
        return bool(query, "offres_dispo_only");
    }

    /** A boolean query parameter, absent = false, in the spellings FastAPI (pydantic) accepts; anything else is a 400. */
    static boolean bool(QueryParameters query, String name) {
        String value = query.single(name);
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> throw ApiProblem.badRequest("'" + name + "' doit être un booléen, true ou false (reçu : "
                    + Texts.quoted(Texts.shortened(value)) + ").");
        };
    }

    /** Distinct codes in a stable order (sorted), so equal filters make equal cache keys. */
    private static List<String> codes(QueryParameters query, String name, Set<String> known, String label) {
        List<String> given = query.all(name);
        Set<String> distinct = new TreeSet<>(given);
        List<String> invalid = new ArrayList<>();
        for (String code : distinct) {
            if (!known.contains(code)) {
                invalid.add(Texts.shortened(code));
            }
        }
        // reported in the order given, as the original does
        if (!invalid.isEmpty()) {
            List<String> inOrder = given.stream().filter(code -> !known.contains(code)).map(Texts::shortened)
                    .distinct().limit(20).toList();
            String more = invalid.size() > inOrder.size() ? " (et " + (invalid.size() - inOrder.size()) + " autres)" : "";
            throw ApiProblem.badRequest(label + " " + Texts.pythonList(inOrder) + more + " sont invalides.");
        }
        if (distinct.size() > MAX_CODES) {
            throw ApiProblem.badRequest("Au plus " + MAX_CODES + " codes distincts par paramètre '" + name + "'.");
        }
        return List.copyOf(distinct);
    }

    /**
     * The six named parameters of {@code api_offres_filtrees(:#metier_data, :#offres_dispo_only, :#code_region,
     * :#code_departement, :#code_postal, :#code_insee)} in the query files; null means "no filter".
     */
    public Map<String, Object> sqlParameters() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("metier_data", metierData);
        parameters.put("offres_dispo_only", offresDispoOnly);
        parameters.put("code_region", array(codeRegion));
        parameters.put("code_departement", array(codeDepartement));
        parameters.put("code_postal", array(codePostal));
        parameters.put("code_insee", array(codeInsee));
        return parameters;
    }

    private static String[] array(List<String> codes) {
        return codes.isEmpty() ? null : codes.toArray(String[]::new);
    }

    /** A normalised description of the filters, for cache keys. */
    public String key() {
        Function<List<String>, String> list = codes -> String.join(",", codes);
        return metierData + "|" + offresDispoOnly + "|" + list.apply(codeRegion) + "|" + list.apply(codeDepartement)
                + "|" + list.apply(codePostal) + "|" + list.apply(codeInsee);
    }
}
