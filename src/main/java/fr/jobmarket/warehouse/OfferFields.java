package fr.jobmarket.warehouse;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of one offer's attributes with the text normalisation of reference.md 5.2. A missing or
 * null attribute is NULL; an attribute of the wrong type is NULL too and recorded as a problem, so that
 * one odd offer never stops the load. PostgreSQL rejects the NUL character in text: it is removed and
 * counted.
 */
final class OfferFields {

    private final List<String> problems = new ArrayList<>();
    private int nulCharacters;

    List<String> problems() {
        return problems;
    }

    int nulCharacters() {
        return nulCharacters;
    }

    /** Trimmed text; empty or whitespace-only is NULL. A number is taken as its text. */
    String text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            problems.add(field + ": expected text, found " + value.getNodeType());
            return null;
        }
        return normalise(value.asText());
    }

    String normalise(String raw) {
        String text = raw;
        if (text.indexOf('\u0000') >= 0) {
            int before = text.length();
            text = text.replace("\u0000", "");
            nulCharacters += before - text.length();
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    /** A JSON integer, or text holding one (France Travail sends some codes as text). */
    Integer integer(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.isEmpty()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(field + ": expected a whole number, found " + describe(value));
        return null;
    }

    Boolean bool(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        problems.add(field + ": expected true or false, found " + describe(value));
        return null;
    }

    /** The date part of an ISO timestamp (text before 'T'), or a plain YYYY-MM-DD. */
    LocalDate date(JsonNode parent, String field) {
        String text = text(parent, field);
        if (text == null) {
            return null;
        }
        int t = text.indexOf('T');
        try {
            return LocalDate.parse(t >= 0 ? text.substring(0, t) : text);
        } catch (DateTimeParseException e) {
            problems.add(field + ": expected a date YYYY-MM-DD, found '" + abbreviate(text) + "'");
            return null;
        }
    }

    /** An object attribute, or null (recorded when present with another type). */
    JsonNode object(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(field + ": expected an object, found " + value.getNodeType());
            return null;
        }
        return value;
    }

    /** The elements of an array attribute that are objects; null when the attribute is absent. */
    List<JsonNode> objects(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<JsonNode> elements = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(field + ": expected a list, found " + value.getNodeType());
            return elements;
        }
        for (JsonNode element : value) {
            if (element.isObject()) {
                elements.add(element);
            } else {
                problems.add(field + ": expected objects in the list, found " + element.getNodeType());
            }
        }
        return elements;
    }

    void problem(String description) {
        problems.add(description);
    }

    private static String describe(JsonNode value) {
        return value.isValueNode() ? "'" + abbreviate(value.asText()) + "'" : value.getNodeType().toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
