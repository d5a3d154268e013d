package fr.jobmarket.api;

import java.text.Normalizer;
import java.util.List;
import java.util.stream.Collectors;

/** The original's ways of writing values in messages and tables. */
public final class Texts {

    private Texts() {
    }

    /** {@code 91818} as {@code 91 818}: thousands separated by a normal space. */
    public static String thousands(long number) {
        return String.format(java.util.Locale.ROOT, "%,d", number).replace(',', ' ');
    }

    /** Python's repr of a string list: {@code ['99', '2A']}. */
    public static String pythonList(List<String> values) {
        return values.stream().map(Texts::quoted).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Python's repr of a string: single quotes unless the text holds one. */
    public static String quoted(String value) {
        if (value.indexOf('\'') >= 0 && value.indexOf('"') < 0) {
            return '"' + value + '"';
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Long user input is cut in messages so that an error body stays small. */
    public static String shortened(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** Sort key of the mapping tables: accents removed, then ordinary ordering ("Île" among the I's). */
    public static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** Cut to {@code max} characters, as the original's tables do for long titles. */
    public static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
