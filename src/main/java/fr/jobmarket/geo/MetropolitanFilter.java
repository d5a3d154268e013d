package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether an offer (raw France Travail attributes) lies outside metropolitan France: overseas or in
 * Corsica. The label rules of reference 3.2 come first, then the evidence the original ignored: the commune
 * (INSEE) code, the postal code and the coordinates. An offer without any location evidence is kept.
 */
public final class MetropolitanFilter {

    /** Why an offer was dropped; {@link #label()} is a bounded, lower-case value fit for counts and metric labels. */
    public enum DropReason {
        LABEL_OVERSEAS, LABEL_CORSICA,
        COMMUNE_OVERSEAS, COMMUNE_CORSICA,
        POSTAL_CODE_OVERSEAS, POSTAL_CODE_CORSICA,
        COORDINATES_OUTSIDE_MAINLAND;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // Reference 3.2: three digits (overseas department) or 2A/2B (Corsica), then " - ", case-sensitive.
    private static final Pattern DEPARTMENT_LABEL = Pattern.compile("^(\\d{3}|2(A|B))\\s-\\s");
    // The 15 names of reference 3.2, compared like region names (accents, case and hyphens ignored), so that
    // "CORSE" or "Nouvelle Caledonie" are dropped too; the label is the evidence the enrichment would use.
    private static final Set<String> OVERSEAS_NAMES = normalised("Guadeloupe", "Martinique", "Guyane", "La Réunion",
            "Mayotte", "Collectivités d'Outre-Mer", "Saint-Pierre-et-Miquelon", "Saint-Barthélemy", "Saint-Martin",
            "Wallis-et-Futuna", "Polynésie française", "Nouvelle-Calédonie");
    private static final Set<String> CORSICA_NAMES = normalised("Haute-Corse", "Corse-du-Sud", "Corse");

    private static Set<String> normalised(String... names) {
        return Arrays.stream(names).map(LocationEnricher::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Empty when the offer is kept. */
    public Optional<DropReason> dropReason(ObjectNode offer) {
        JsonNode lieuTravail = offer.get("lieuTravail");
        if (lieuTravail == null || !lieuTravail.isObject()) {
            return Optional.empty();
        }
        return byLabel(text(lieuTravail, "libelle"))
                .or(() -> byCommune(text(lieuTravail, "commune")))
                .or(() -> byPostalCode(text(lieuTravail, "codePostal")))
                .or(() -> Coordinates.of(lieuTravail).flatMap(Coordinates::outsideArea)
                        .map(area -> DropReason.COORDINATES_OUTSIDE_MAINLAND));
    }

    public boolean keeps(ObjectNode offer) {
        return dropReason(offer).isEmpty();
    }

    static Optional<DropReason> byLabel(String libelle) {
        if (libelle == null) {
            return Optional.empty();
        }
        var matcher = DEPARTMENT_LABEL.matcher(libelle);
        if (matcher.find()) {
            return Optional.of(matcher.group(2) != null ? DropReason.LABEL_CORSICA : DropReason.LABEL_OVERSEAS);
        }
        String name = LocationEnricher.normalise(libelle);
        if (CORSICA_NAMES.contains(name)) {
            return Optional.of(DropReason.LABEL_CORSICA);
        }
        return OVERSEAS_NAMES.contains(name) ? Optional.of(DropReason.LABEL_OVERSEAS) : Optional.empty();
    }

    static Optional<DropReason> byCommune(String codeInsee) {
        if (codeInsee == null) {
            return Optional.empty();
        }
        String code = codeInsee.toUpperCase(Locale.ROOT);
        if (code.startsWith("97") || code.startsWith("98")) {
            return Optional.of(DropReason.COMMUNE_OVERSEAS);
        }
        return code.startsWith("2A") || code.startsWith("2B") ? Optional.of(DropReason.COMMUNE_CORSICA) : Optional.empty();
    }

    static Optional<DropReason> byPostalCode(String codePostal) {
        if (codePostal == null) {
            return Optional.empty();
        }
        // 97xxx/98xxx overseas (and Monaco's 980xx, not France either); 20xxx is only ever Corsica.
        if (codePostal.startsWith("97") || codePostal.startsWith("98")) {
            return Optional.of(DropReason.POSTAL_CODE_OVERSEAS);
        }
        return codePostal.startsWith("20") ? Optional.of(DropReason.POSTAL_CODE_CORSICA) : Optional.empty();
    }

    /** A non-blank text value, stripped; null otherwise. */
    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }
}
