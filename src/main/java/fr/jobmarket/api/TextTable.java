package fr.jobmarket.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text tables in the "psql" style of Python's tabulate library, as the original API printed them:
 * a {@code +---+} border, the header row, a {@code |---+---|} separator, the rows, a closing border.
 * A column whose non-empty cells all look like numbers (75001, 012, -3, 4.5) is right-aligned (decimal
 * points lined up), its header too; other columns are left-aligned. Null is an empty cell. Cells are
 * printed as given, so leading zeros of codes stay (tabulate would have parsed "01" into 1).
 */
public final class TextTable {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    /** tabulate widens every column to its header plus two characters. */
    private static final int MIN_PADDING = 2;

    private TextTable() {
    }

    public static String render(List<String> headers, List<List<?>> rows) {
        int columns = headers.size();
        List<List<String>> cells = new ArrayList<>();
        for (List<?> row : rows) {
            if (row.size() != columns) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the table " + columns + " headers");
            }
            List<String> texts = new ArrayList<>(columns);
            for (Object value : row) {
                texts.add(value == null ? "" : oneLine(value.toString()));
            }
            cells.add(texts);
        }
        boolean[] numeric = new boolean[columns];
        int[] fraction = new int[columns];
        int[] width = new int[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = true;
            boolean any = false;
            for (List<String> row : cells) {
                String cell = row.get(c);
                if (cell.isEmpty()) {
                    continue;
                }
                any = true;
                if (!NUMBER.matcher(cell).matches()) {
                    numeric[c] = false;
                    break;
                }
                fraction[c] = Math.max(fraction[c], fractionLength(cell));
            }
            numeric[c] &= any;
            width[c] = length(headers.get(c)) + MIN_PADDING;
            for (List<String> row : cells) {
                width[c] = Math.max(width[c], length(decimalPadded(row.get(c), numeric[c], fraction[c])));
            }
        }
        StringBuilder out = new StringBuilder();
        border(out, width, '+', '+');
        line(out, headers, width, numeric, null);
        border(out, width, '|', '+');
        for (List<String> row : cells) {
            line(out, row, width, numeric, fraction);
        }
        border(out, width, '+', '+');
        return out.toString();
    }

    private static void border(StringBuilder out, int[] width, char end, char cross) {
        out.append(end == '|' ? '|' : '+');
        for (int c = 0; c < width.length; c++) {
            out.append("-".repeat(width[c] + 2)).append(c == width.length - 1 ? end : cross);
        }
        out.append('\n');
    }

    private static void line(StringBuilder out, List<String> texts, int[] width, boolean[] numeric, int[] fraction) {
        out.append('|');
        for (int c = 0; c < width.length; c++) {
            String text = fraction == null ? texts.get(c) : decimalPadded(texts.get(c), numeric[c], fraction[c]);
            String padding = " ".repeat(width[c] - length(text));
            out.append(' ').append(numeric[c] ? padding + text : text + padding).append(" |");
        }
        out.append('\n');
    }

    /** Decimal alignment: shorter fractions are padded on the right so the points line up. */
    private static String decimalPadded(String cell, boolean numeric, int fraction) {
        if (!numeric || cell.isEmpty() || fraction == 0) {
            return cell;
        }
        int own = fractionLength(cell);
        return cell + " ".repeat(fraction - own + (own == 0 ? 1 : 0));
    }

    private static int fractionLength(String cell) {
        int dot = cell.indexOf('.');
        return dot < 0 ? 0 : cell.length() - dot - 1;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A line break inside a cell would break the table's frame. */
    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
