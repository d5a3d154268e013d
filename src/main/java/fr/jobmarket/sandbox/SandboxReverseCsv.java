package fr.jobmarket.sandbox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * POST /reverse/csv as the sandbox plays it: the Géoplateforme geocoder's batch reverse endpoint, answering the
 * uploaded CSV's rows (columns {@code lat} and {@code lon}, or {@code latitude} and {@code longitude}) with the
 * same synthetic cities as the single {@code /reverse} ({@link SandboxApi#reverse}). Each input row comes back as
 * sent, followed by the result columns; a row without readable coordinates is {@code skipped}.
 */
final class SandboxReverseCsv {

    static final List<String> RESULT_COLUMNS = List.of("result_latitude", "result_longitude", "result_label",
            "result_distance", "result_type", "result_id", "result_housenumber", "result_name", "result_street",
            "result_postcode", "result_city", "result_context", "result_citycode", "result_oldcitycode",
            "result_oldcity", "result_district", "result_status");

    private SandboxReverseCsv() {
    }

    /** The answer to an uploaded CSV (comma-separated, as the product sends it); 400 without the coordinate columns. */
    static SandboxResponse answer(String csv) {
        String[] lines = csv == null ? new String[0] : csv.strip().split("\r?\n");
        List<String> header = lines.length == 0 ? List.of() : List.of(lines[0].split(",", -1));
        int lat = header.contains("lat") ? header.indexOf("lat") : header.indexOf("latitude");
        int lon = header.contains("lon") ? header.indexOf("lon") : header.indexOf("longitude");
        if (lat < 0 || lon < 0) {
            return SandboxResponse.json(400, "{\"code\":400,\"message\":\"Failed parsing CSV\",\"detail\":"
                    + "[\"expected columns lat and lon (or latitude and longitude), got: " + header.toString().replace('"', '\'') + "\"]}");
        }
        StringBuilder out = new StringBuilder(lines[0]).append(',').append(String.join(",", RESULT_COLUMNS)).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String[] cells = lines[i].split(",", -1);
                out.append(lines[i]).append(',').append(String.join(",", results(cell(cells, lat), cell(cells, lon)))).append('\n');
            }
        }
        return new SandboxResponse(200, Map.of("Content-Type", "text/csv; charset=utf-8"), out.toString());
    }

    private static List<String> results(String lat, String lon) {
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat);
            longitude = Double.parseDouble(lon);
        } catch (NumberFormatException e) {
            return status("skipped");
        }
        return SandboxCities.nearest(latitude, longitude).map(city -> List.of(Double.toString(city.latitude()),
                        Double.toString(city.longitude()), quoted(city.postal() + " " + city.name()),
                        Long.toString(Math.round(SandboxCities.distanceKm(latitude, longitude, city.latitude(), city.longitude()) * 1000)),
                        "municipality", city.insee(), "", quoted(city.name()), "", city.postal(), quoted(city.name()),
                        quoted(city.department() + ", " + city.departmentName() + ", " + city.region()), city.insee(), "", "",
                        "", "ok"))
                .orElseGet(() -> status("not-found"));
    }

    /** Empty result columns but the status. */
    private static List<String> status(String status) {
        String[] cells = new String[RESULT_COLUMNS.size()];
        Arrays.fill(cells, "");
        cells[cells.length - 1] = status;
        return List.of(cells);
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? cells[index].strip() : "";
    }

    /** RFC 4180: a cell with a comma, a quote or a line break is quoted, its quotes doubled. */
    private static String quoted(String value) {
        return value.matches("(?s).*[,\"\r\n].*") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
