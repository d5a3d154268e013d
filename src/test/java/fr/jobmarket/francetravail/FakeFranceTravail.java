package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock response transformer answering offer searches like France Travail: offers of a data set
 * filtered by appellation and creation window (both bounds inclusive), paged by {@code range}, 206/200 with
 * Content-Range, 204 when nothing matches, 400 for a start above 3000 or a lone date bound.
 */
final class FakeFranceTravail implements ResponseDefinitionTransformerV2 {

    static final String NAME = "fake-france-travail";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, List<ObjectNode>> offersByAppellation = new ConcurrentHashMap<>();

    /** {@code count} offers for {@code code}, created one every {@code spacing} going back from {@code newest}. */
    void offers(String code, int count, Instant newest, Duration spacing) {
        List<ObjectNode> offers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode offer = MAPPER.createObjectNode();
            offer.put("id", code + "-" + i);
            offer.put("intitule", "Offre " + i + " pour " + code);
            offer.put("dateCreation", newest.minus(spacing.multipliedBy(i)).toString());
            offers.add(offer);
        }
        offersByAppellation.put(code, offers);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String min = value(request, "minCreationDate");
        String max = value(request, "maxCreationDate");
        if ((min == null) != (max == null)) {
            return error("Les dates minCreationDate et maxCreationDate doivent être renseignées ensemble.");
        }
        String[] range = value(request, "range").split("-");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        if (start > 3000) {
            return error("La position de début doit être inférieure ou égale à 3000.");
        }
        if (end - start + 1 > 150) {
            return error("La plage de résultats demandée est trop importante.");
        }
        List<ObjectNode> matching = offersByAppellation.getOrDefault(value(request, "appellation"), List.of()).stream()
                .filter(offer -> min == null || inWindow(Instant.parse(offer.get("dateCreation").asText()),
                        Instant.parse(min), Instant.parse(max)))
                .toList();
        if (matching.isEmpty() || start >= matching.size()) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
        }
        int last = Math.min(end, matching.size() - 1);
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode resultats = body.putArray("resultats");
        matching.subList(start, last + 1).forEach(resultats::add);
        boolean partial = last - start + 1 < matching.size();
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(partial ? 206 : 200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Content-Range", "offres " + start + "-" + last + "/" + matching.size())
                .withHeader("Accept-Range", "offres 150")
                .withBody(body.toString())
                .build();
    }

    private static boolean inWindow(Instant created, Instant min, Instant max) {
        // the API compares to the second: an offer created at 10:00:00.470 is in a window ending at 10:00:00
        Instant second = created.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return !second.isBefore(min) && !second.isAfter(max);
    }

    private static String value(LoggedRequest request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    private static ResponseDefinition error(String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"codeHttp\":400,\"message\":\"" + message + "\"}")
                .build();
    }
}
