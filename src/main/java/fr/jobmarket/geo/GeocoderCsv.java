package fr.jobmarket.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CSV files of the geocoder's batch reverse endpoint ({@code /reverse/csv}): the request holds one point a
 * line under a {@code lat,lon} header; the answer repeats each row and adds {@code result_*} columns (label,
 * type, id, ..., {@code result_postcode}, {@code result_citycode}, and on recent versions {@code result_status}).
 * Cells follow RFC 4180: a quoted cell may hold commas, doubled quotes and line breaks ({@code result_context}
 * and {@code result_label} do).
 */
final class GeocoderCsv {

    /** Outcomes of a row that are an answer; "error" and "skipped" rows are asked again one at a time. */
    private static final Set<String> ANSWERED = Set.of("", "ok", "not-found");

    private GeocoderCsv() {
    }

    /** The request file; the points are written as the cache keys them (5 decimals), so the answer's rows key the same way. */
    static String request(List<Coordinates> points) {
        StringBuilder csv = new StringBuilder(8 + points.size() * 20).append("lat,lon\n");
        for (Coordinates point : points) {
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f\n", point.latitude(), point.longitude()));
        }
        return csv.toString();
    }

    /**
     * The places of the answer by point: a row with neither code is "nothing found here" ({@link Place#NONE}). A row
     * whose point cannot be read or that the geocoder reports as failed is left out, so its point is asked again.
     *
     * @throws IllegalStateException when the answer is not such a CSV (another format, columns missing, a quote left open)
     */
    static Map<Coordinates, Place> answer(String csv) {
        List<List<String>> rows = rows(csv == null ? "" : csv);
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        int latitude = header.indexOf("lat");
        int longitude = header.indexOf("lon");
        int citycode = header.indexOf("result_citycode");
        int postcode = header.indexOf("result_postcode");
        int status = header.indexOf("result_status");
        if (latitude < 0 || longitude < 0 || citycode < 0 || postcode < 0) {
            throw new IllegalStateException("expected a CSV with the columns lat, lon, result_citycode and result_postcode, got "
                    + abbreviated(csv));
        }
        Map<Coordinates, Place> places = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Coordinates point = point(cell(row, latitude), cell(row, longitude));
            if (point != null && ANSWERED.contains(cell(row, status))) {
                places.put(point, new Place(orNull(cell(row, citycode)), orNull(cell(row, postcode))));
            }
        }
        return places;
    }

    /** The records of an RFC 4180 text (LF or CRLF line ends, blank lines skipped, a leading byte-order mark ignored). */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    cell.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!row.isEmpty() || cell.length() > 0) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException("expected a CSV, got a quoted cell that never ends in " + abbreviated(text));
        }
        if (!row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String cell(List<String> row, int column) {
        return column >= 0 && column < row.size() ? row.get(column).strip() : "";
    }

    private static Coordinates point(String latitude, String longitude) {
        try {
            double lat = Double.parseDouble(latitude);
            double lon = Double.parseDouble(longitude);
            return Double.isFinite(lat) && Double.isFinite(lon) ? new Coordinates(lat, lon) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String abbreviated(String text) {
        if (text == null || text.isEmpty()) {
            return "nothing";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
