package fr.jobmarket.warehouse;

import java.util.List;

/**
 * One line of PostgreSQL's COPY text format: tab-separated columns, {@code \N} for NULL, backslash
 * escapes for backslash, tab, newline and carriage return; lists become array literals ({@code {"a","b"}}).
 * Values reach the server as data, never as SQL.
 */
public final class CopyText {

    private CopyText() {
    }

    public static void appendLine(StringBuilder line, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            Object value = values.get(i);
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof List<?> list) {
                escape(line, arrayLiteral(list));
            } else {
                escape(line, value.toString());
            }
        }
        line.append('\n');
    }

    private static String arrayLiteral(List<?> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String element = String.valueOf(elements.get(i));
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    /** Copies the runs between the characters to escape in one piece: descriptions are long and mostly plain. */
    private static void escape(StringBuilder line, String text) {
        int copied = 0;
        for (int i = 0; i < text.length(); i++) {
            String escaped = switch (text.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                line.append(text, copied, i).append(escaped);
                copied = i + 1;
            }
        }
        line.append(text, copied, text.length());
    }
}
