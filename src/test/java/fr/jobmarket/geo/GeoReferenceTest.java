package fr.jobmarket.geo;

import fr.jobmarket.geo.GeoReference.Commune;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GeoReferenceTest {

    /** The original implementation's reference, read in place for comparison only (never copied here). */
    // The original project's reference, test-only and never copied into the repository: beside the checkout in
    // shared/data/, or where -Djobmarket.original-reference says.
    private static final Path ORIGINAL = Path.of(System.getProperty("jobmarket.original-reference",
            "../shared/data/code_name__city_department_region.csv"));

    private static final GeoReference REFERENCE = GeoReference.load();

    @Test
    void coversTheCommunesOfMetropolitanFranceIncludingCorsica() {
        assertThat(REFERENCE.inseeCodes()).hasSizeBetween(34_500, 35_100);
        assertThat(REFERENCE.departmentCodes()).hasSize(96).contains("01", "2A", "2B", "95").doesNotContain("20", "96");
        assertThat(REFERENCE.regionCodes()).containsExactlyInAnyOrder(
                "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");
        for (String code : REFERENCE.departmentCodes()) {
            assertThat(code).matches("0[1-9]|[1-8][0-9]|9[0-5]|2A|2B").isNotEqualTo("20");
        }
    }

    @Test
    void holdsNoOverseasCodes() {
        for (Commune row : REFERENCE.rows()) {
            assertThat(row.codeInsee()).doesNotStartWith("97").doesNotStartWith("98");
            assertThat(row.codePostal()).doesNotStartWith("97").doesNotStartWith("98");
        }
    }

    @Test
    void isSortedByInseeCodeThenPostalCodeWithWellFormedCodes() {
        List<Commune> rows = REFERENCE.rows();
        for (int i = 1; i < rows.size(); i++) {
            Commune before = rows.get(i - 1);
            Commune row = rows.get(i);
            int order = before.codeInsee().compareTo(row.codeInsee());
            assertThat(order < 0 || order == 0 && before.codePostal().compareTo(row.codePostal()) < 0)
                    .as("row %d (%s %s) after (%s %s)", i + 2, row.codeInsee(), row.codePostal(),
                            before.codeInsee(), before.codePostal())
                    .isTrue();
        }
        for (Commune row : rows) {
            assertThat(row.codeInsee()).matches("[0-9][0-9AB][0-9]{3}");
            assertThat(row.codePostal()).matches("([0-9]{5})?");
            assertThat(row.nomCommune()).isNotBlank();
            assertThat(row.nomVille()).isNotBlank();
        }
    }

    @Test
    void hasTheHeaderAndNoQuotedOrCommaValues() throws IOException {
        try (InputStream in = GeoReference.class.getResourceAsStream(GeoReference.RESOURCE)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(lines.get(0)).isEqualTo(GeoReference.HEADER);
            assertThat(lines).allSatisfy(line -> assertThat(line.split(",", -1)).hasSize(8));
            assertThat(lines).noneMatch(line -> line.contains("\""));
        }
    }

    @Test
    void resolvesTheWorkedExamplesOfTheReference() {
        Commune paris8 = REFERENCE.byInsee("75108").orElseThrow();
        assertThat(paris8).isEqualTo(new Commune("75108", "Paris 8e Arrondissement", "75008", "Paris",
                "75", "Paris", "11", "Île-de-France"));
        assertThat(REFERENCE.byPostalCode("33000").get(0)).isEqualTo(new Commune("33063", "Bordeaux", "33000",
                "Bordeaux", "33", "Gironde", "75", "Nouvelle-Aquitaine"));
        assertThat(REFERENCE.byDepartment("44").orElseThrow())
                .extracting(Commune::nomDepartement, Commune::codeRegion, Commune::nomRegion)
                .containsExactly("Loire-Atlantique", "52", "Pays de la Loire");
        assertThat(REFERENCE.regionName("11")).contains("Île-de-France");
        assertThat(REFERENCE.byDepartment("2A").orElseThrow().nomRegion()).isEqualTo("Corse");
    }

    @Test
    void keepsWholeCityCodesWithoutPostalCodeSoPostalCodesPointToArrondissements() {
        for (String city : List.of("75056", "69123", "13055")) {
            assertThat(REFERENCE.rows().stream().filter(row -> row.codeInsee().equals(city)))
                    .singleElement().extracting(Commune::codePostal).isEqualTo("");
        }
        assertThat(REFERENCE.byPostalCode("75008")).extracting(Commune::codeInsee).containsExactly("75108");
        assertThat(REFERENCE.byPostalCode("69003").get(0).nomVille()).isEqualTo("Lyon");
        assertThat(REFERENCE.byPostalCode("13008").get(0).nomCommune()).isEqualTo("Marseille 8e Arrondissement");
    }

    @Test
    void agreesWithTheOriginalReferenceOnDepartmentsAndRegions() throws IOException {
        assumeTrue(Files.isReadable(ORIGINAL), ORIGINAL + " is absent: cross-check skipped");
        GeoReference original;
        try (var reader = Files.newBufferedReader(ORIGINAL, StandardCharsets.UTF_8)) {
            original = GeoReference.read(reader);
        }

        // Same departments and regions, with the same names, plus Corsica which the original left out.
        assertThat(names(REFERENCE, true)).containsAllEntriesOf(names(original, true));
        assertThat(names(REFERENCE, false)).containsAllEntriesOf(names(original, false));
        Set<String> extraDepartments = new TreeSet<>(REFERENCE.departmentCodes());
        extraDepartments.removeAll(original.departmentCodes());
        assertThat(extraDepartments).containsExactly("2A", "2B");

        // Communes: the original dates from 2024; list what changed since (mergers, new communes).
        Set<String> gone = new TreeSet<>(original.inseeCodes());
        gone.removeAll(REFERENCE.inseeCodes());
        Set<String> added = new TreeSet<>(REFERENCE.inseeCodes());
        added.removeAll(original.inseeCodes());
        added.removeIf(code -> code.startsWith("2A") || code.startsWith("2B"));
        List<String> moved = new ArrayList<>();
        for (String code : original.inseeCodes()) {
            REFERENCE.byInsee(code).ifPresent(now -> {
                Commune then = original.byInsee(code).orElseThrow();
                if (!now.codeDepartement().equals(then.codeDepartement()) || !now.codeRegion().equals(then.codeRegion())) {
                    moved.add(code + " " + then.codeDepartement() + "/" + then.codeRegion()
                            + " -> " + now.codeDepartement() + "/" + now.codeRegion());
                }
            });
        }
        System.out.printf("Geographic reference versus the original: original %d communes, current %d "
                        + "(of which Corsica %d); in the original only: %d %s; new outside Corsica: %d %s; "
                        + "moved department/region: %s%n",
                original.inseeCodes().size(), REFERENCE.inseeCodes().size(),
                REFERENCE.inseeCodes().stream().filter(code -> code.startsWith("2")
                        && Character.isLetter(code.charAt(1))).count(),
                gone.size(), describe(original, gone), added.size(), describe(REFERENCE, added), moved);

        assertThat(moved).as("communes whose department or region changed").isEmpty();
        // Commune mergers remove a few hundred codes at most; a bigger gap would mean a broken build.
        assertThat(gone.size()).isLessThan(500);
    }

    private static Map<String, String> names(GeoReference reference, boolean departments) {
        return reference.rows().stream().collect(Collectors.toMap(
                row -> departments ? row.codeDepartement() : row.codeRegion(),
                row -> departments ? row.nomDepartement() : row.nomRegion(),
                (first, second) -> first, TreeMap::new));
    }

    private static String describe(GeoReference reference, Set<String> codes) {
        return codes.stream().limit(100)
                .map(code -> code + " " + reference.byInsee(code).map(Commune::nomCommune).orElse("?"))
                .collect(Collectors.joining(", ", "[", codes.size() > 100 ? ", ...]" : "]"));
    }
}
