package fr.jobmarket.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query string of a request, parsed here rather than read from Camel headers: header names are
 * case-insensitive and a request header of the same name would pass for a parameter.
 */
public final class QueryParameters {

    /** Bounds what a request can make the API hold; beyond, the request is refused with a 400. */
    static final int MAX_QUERY_LENGTH = 65_536;

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static QueryParameters parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return new QueryParameters(values);
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw ApiProblem.badRequest("La chaîne de requête fait " + query.length()
                    + " caractères, au plus " + MAX_QUERY_LENGTH + " sont acceptés.");
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new QueryParameters(values);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("Chaîne de requête mal encodée : " + Texts.quoted(Texts.shortened(text)) + ".");
        }
    }

    /** The parameter names given, in the order of their first appearance. */
    public Set<String> names() {
        return values.keySet();
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The last value given, as FastAPI keeps for a single-valued parameter; null when absent. */
    public String single(String name) {
        List<String> given = all(name);
        return given.isEmpty() ? null : given.get(given.size() - 1);
    }
}
