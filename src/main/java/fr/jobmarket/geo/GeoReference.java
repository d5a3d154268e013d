package fr.jobmarket.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commune / postal code / department / region reference, read from {@code classpath:/geo/communes.csv}
 * (derived from the official {@code @etalab/decoupage-administratif} data by
 * {@code scripts/regenerate-geo-reference.sh}). One row per (INSEE code, postal code) pair, header
 * {@code code_insee,nom_commune,code_postal,nom_ville,code_departement,nom_departement,code_region,nom_region};
 * an empty postal code is allowed (whole-city codes such as 75056 Paris).
 */
public final class GeoReference {

    public static final String RESOURCE = "/geo/communes.csv";
    static final String HEADER = "code_insee,nom_commune,code_postal,nom_ville,code_departement,nom_departement,code_region,nom_region";

    public record Commune(String codeInsee, String nomCommune, String codePostal, String nomVille,
                          String codeDepartement, String nomDepartement, String codeRegion, String nomRegion) {
    }

    private final List<Commune> rows;
    private final Map<String, Commune> byInsee = new LinkedHashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new LinkedHashMap<>();
    private final Map<String, Commune> byDepartment = new LinkedHashMap<>();
    private final Map<String, String> regionNames = new LinkedHashMap<>();

    private GeoReference(List<Commune> rows) {
        this.rows = List.copyOf(rows);
        for (Commune row : rows) {
            byInsee.putIfAbsent(row.codeInsee(), row);
            if (!row.codePostal().isEmpty()) {
                byPostalCode.computeIfAbsent(row.codePostal(), code -> new ArrayList<>()).add(row);
            }
            byDepartment.putIfAbsent(row.codeDepartement(), row);
            regionNames.putIfAbsent(row.codeRegion(), row.nomRegion());
        }
    }

    /** The reference shipped with the product. */
    public static GeoReference load() {
        try (InputStream in = GeoReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: run scripts/regenerate-geo-reference.sh");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a CSV of the documented shape; values hold no comma, so no quoting is needed. */
    public static GeoReference read(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        String header = reader.readLine();
        if (header == null || !header.strip().equals(HEADER)) {
            throw new IOException("geographic reference: expected header '" + HEADER + "', found '" + header + "'");
        }
        List<Commune> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 8) {
                throw new IOException("geographic reference line " + number + ": expected 8 cells, found " + cells.length);
            }
            rows.add(new Commune(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7]));
        }
        return new GeoReference(rows);
    }

    public List<Commune> rows() {
        return rows;
    }

    /** The first row of an INSEE code (its names, department and region do not depend on the postal code). */
    public Optional<Commune> byInsee(String codeInsee) {
        return Optional.ofNullable(byInsee.get(codeInsee));
    }

    /** Rows sharing a postal code, in file order (sorted by INSEE code). */
    public List<Commune> byPostalCode(String codePostal) {
        return byPostalCode.getOrDefault(codePostal, List.of());
    }

    /** Any row of the department: its department and region fields are the department's. */
    public Optional<Commune> byDepartment(String codeDepartement) {
        return Optional.ofNullable(byDepartment.get(codeDepartement));
    }

    public Optional<String> regionName(String codeRegion) {
        return Optional.ofNullable(regionNames.get(codeRegion));
    }

    /** Region code to official name, in file order. */
    public Map<String, String> regions() {
        return Collections.unmodifiableMap(regionNames);
    }

    public Set<String> regionCodes() {
        return Collections.unmodifiableSet(regionNames.keySet());
    }

    public Set<String> departmentCodes() {
        return Collections.unmodifiableSet(byDepartment.keySet());
    }

    public Set<String> postalCodes() {
        return Collections.unmodifiableSet(byPostalCode.keySet());
    }

    public Set<String> inseeCodes() {
        return Collections.unmodifiableSet(byInsee.keySet());
    }

}
