package fr.jobmarket.francetravail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One successful search answer read: the offers of its {@code resultats} array and the query's total.
 * 200 and 206 are both success (the last page may come either way); 204 is "no offer".
 */
public record SearchPage(long total, List<ObjectNode> offers) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The answer was a success status but cannot be read; worth another attempt, then fatal. */
    public static final class UnreadablePageException extends RuntimeException {
        UnreadablePageException(String message) {
            super(message);
        }
    }

    public static boolean isSuccess(int status) {
        return status == 200 || status == 204 || status == 206;
    }

    /**
     * @param status       200, 204 or 206
     * @param contentRange the Content-Range header, null when absent
     * @param body         the response body, empty or null for a 204
     */
    public static SearchPage read(int status, String contentRange, byte[] body) {
        if (status == 204) {
            return new SearchPage(0, List.of());
        }
        ContentRange range;
        try {
            range = ContentRange.parse(contentRange).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new UnreadablePageException(e.getMessage());
        }
        if (range != null && range.total() == 0) {
            return new SearchPage(0, List.of());
        }
        List<ObjectNode> offers = offers(body);
        if (range == null) {
            if (status == 206) {
                throw new UnreadablePageException("a 206 partial answer without Content-Range: the total is unknown");
            }
            // a 200 without Content-Range holds everything there is
            return new SearchPage(offers.size(), offers);
        }
        return new SearchPage(range.total(), offers);
    }

    private static List<ObjectNode> offers(byte[] body) {
        if (body == null || body.length == 0) {
            throw new UnreadablePageException("an empty body where a JSON object with 'resultats' was expected");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UnreadablePageException("a body that is not valid JSON (" + e.getClass().getSimpleName() + " "
                    + firstLine(e.getMessage()) + ")");
        }
        JsonNode resultats = root == null ? null : root.get("resultats");
        if (resultats == null || !resultats.isArray()) {
            throw new UnreadablePageException("JSON without a 'resultats' array");
        }
        List<ObjectNode> offers = new ArrayList<>(resultats.size());
        for (JsonNode offer : resultats) {
            if (!(offer instanceof ObjectNode object)) {
                throw new UnreadablePageException("a 'resultats' entry that is not an object: " + offer.getNodeType());
            }
            offers.add(object);
        }
        return offers;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
