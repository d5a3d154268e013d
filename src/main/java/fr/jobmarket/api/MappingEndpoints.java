package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.geo.GeoReference;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Group 3 of the original API: distinct (name, code) pairs of the geographic reference, sorted by name
 * without accents. Rows without a postal code (whole-city INSEE codes such as 75056) are left out of the
 * city table, where the original printed {@code 00nan}.
 */
public final class MappingEndpoints {

    private final Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final GeoReference geo;

    public MappingEndpoints(GeoReference geo) {
        this.geo = geo;
    }

    public Answer region(Exchange exchange) {
        return mapping(exchange, "nom_region", "code_region", GeoReference.Commune::nomRegion, GeoReference.Commune::codeRegion);
    }

    public Answer departement(Exchange exchange) {
        return mapping(exchange, "nom_departement", "code_departement", GeoReference.Commune::nomDepartement,
                GeoReference.Commune::codeDepartement);
    }

    public Answer ville(Exchange exchange) {
        return mapping(exchange, "nom_ville", "code_postal", GeoReference.Commune::nomVille, GeoReference.Commune::codePostal);
    }

    public Answer commune(Exchange exchange) {
        return mapping(exchange, "nom_commune", "code_insee", GeoReference.Commune::nomCommune, GeoReference.Commune::codeInsee);
    }

    private Answer mapping(Exchange exchange, String nameField, String codeField,
                           Function<GeoReference.Commune, String> name, Function<GeoReference.Commune, String> code) {
        Responder.Request request = Responder.request(exchange);
        return answers.computeIfAbsent(nameField + "#" + request.representation(),
                key -> render(request, nameField, codeField, pairs(geo, name, code)));
    }

    static List<List<String>> pairs(GeoReference geo, Function<GeoReference.Commune, String> name,
                                    Function<GeoReference.Commune, String> code) {
        Comparator<List<String>> order = Comparator.comparing((List<String> pair) -> Texts.withoutAccents(pair.get(0)))
                .thenComparing(pair -> pair.get(0)).thenComparing(pair -> pair.get(1));
        TreeSet<List<String>> distinct = new TreeSet<>(order);
        for (GeoReference.Commune row : geo.rows()) {
            String codeValue = code.apply(row);
            if (codeValue == null || codeValue.isEmpty()) {
                continue;
            }
            distinct.add(List.of(name.apply(row), codeValue));
        }
        return new ArrayList<>(distinct);
    }

    private static Answer render(Responder.Request request, String nameField, String codeField, List<List<String>> pairs) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (List<String> pair : pairs) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put(nameField, pair.get(0));
            object.put(codeField, pair.get(1));
            json.add(object);
        }
        return Responder.table(request, List.of(nameField, codeField), new ArrayList<>(pairs), json);
    }
}
