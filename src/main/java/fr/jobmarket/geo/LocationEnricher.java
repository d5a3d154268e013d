package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.geo.GeoReference.Commune;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Location enrichment of reference 3.3: replaces an offer's {@code lieuTravail} by {@code lieu_cas} (cas_1 to
 * cas_5) and the commune, postal code, department and region attributes, each a text from the reference or
 * the API, or JSON null; never a placeholder such as "Inconnu". Thread-safe; counts go to {@link #stats()}.
 *
 * <p>The {@code locate} route calls it twice: {@link #pointToGeocode} names the point an offer needs reverse
 * geocoded (coordinates only), the route asks the geocoder, and {@link #enrich} applies the cases with the answer.
 */
public final class LocationEnricher {

    private static final Logger LOG = LoggerFactory.getLogger(LocationEnricher.class);

    /** The attributes added, in this order, after {@code lieu_cas}. */
    public static final String[] ATTRIBUTES = {"code_insee", "nom_commune", "code_postal", "nom_ville",
            "code_departement", "nom_departement", "code_region", "nom_region"};

    private static final Pattern DEPARTMENT_LABEL = Pattern.compile("^(\\d{2})\\s-\\s");
    private static final Pattern INSEE_CODE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Set<String> FRANCE = Set.of("FRANCE", "France", "France entière");

    private final GeoReference reference;
    private final LocationStats stats = new LocationStats();
    private final Map<String, String> regionByNormalisedName = new HashMap<>();

    /** The resolved location of one offer; null fields are written as JSON null. */
    record Location(String cas, String codeInsee, String nomCommune, String codePostal, String nomVille,
                    String codeDepartement, String nomDepartement, String codeRegion, String nomRegion) {

        static Location ofCommune(String cas, Commune commune, String codePostal) {
            return new Location(cas, commune.codeInsee(), commune.nomCommune(), codePostal, commune.nomVille(),
                    commune.codeDepartement(), commune.nomDepartement(), commune.codeRegion(), commune.nomRegion());
        }

        /** Department and region of {@code department} when known; the given INSEE and postal codes kept. */
        static Location ofDepartment(String cas, String codeInsee, String codePostal, Optional<Commune> department) {
            return department
                    .map(row -> new Location(cas, codeInsee, null, codePostal, null, row.codeDepartement(),
                            row.nomDepartement(), row.codeRegion(), row.nomRegion()))
                    .orElseGet(() -> new Location(cas, codeInsee, null, codePostal, null, null, null, null, null));
        }

        String[] values() {
            return new String[] {codeInsee, nomCommune, codePostal, nomVille, codeDepartement, nomDepartement,
                    codeRegion, nomRegion};
        }
    }

    public LocationEnricher(GeoReference reference) {
        this.reference = reference;
        reference.regions().forEach((code, name) -> regionByNormalisedName.put(normalise(name), code));
    }

    public LocationStats stats() {
        return stats;
    }

    /**
     * The point to reverse geocode for this offer, or null when its location needs none: coordinates without a
     * commune code, swapped back when only the swapped order lies on the mainland.
     */
    public Coordinates pointToGeocode(ObjectNode offer) {
        JsonNode lieuTravail = lieuTravail(offer);
        if (lieuTravail == null || MetropolitanFilter.text(lieuTravail, "commune") != null) {
            return null;
        }
        return Coordinates.of(lieuTravail).map(point -> point.onMainlandOrSwapped().orElse(point)).orElse(null);
    }

    /**
     * Replaces the offer's {@code lieuTravail} by its location attributes.
     *
     * @param place the geocoder's answer for {@link #pointToGeocode}'s point ({@link Place#NONE} or null when it
     *              failed or found nothing); ignored for offers that needed no lookup
     */
    public void enrich(ObjectNode offer, Place place) {
        Location location = locate(lieuTravail(offer), offer.path("id").asText("?"), place);
        offer.remove("lieuTravail");
        offer.remove("lieu_cas");
        for (String attribute : ATTRIBUTES) {
            offer.remove(attribute);
        }
        offer.put("lieu_cas", location.cas());
        String[] values = location.values();
        for (int i = 0; i < ATTRIBUTES.length; i++) {
            if (values[i] == null) {
                offer.putNull(ATTRIBUTES[i]);
            } else {
                offer.put(ATTRIBUTES[i], values[i]);
            }
        }
        stats.placed(location.cas());
    }

    private static JsonNode lieuTravail(ObjectNode offer) {
        JsonNode lieuTravail = offer.get("lieuTravail");
        return lieuTravail != null && lieuTravail.isObject() ? lieuTravail : null;
    }

    private Location locate(JsonNode lieuTravail, String offerId, Place answer) {
        if (lieuTravail == null) {
            return new Location("cas_5", null, null, null, null, null, null, null, null);
        }
        String libelle = MetropolitanFilter.text(lieuTravail, "libelle");
        String commune = MetropolitanFilter.text(lieuTravail, "commune");
        String codePostal = postalCode(MetropolitanFilter.text(lieuTravail, "codePostal"));
        if (commune != null) {
            return cas1(commune.toUpperCase(Locale.ROOT), codePostal, offerId);
        }
        Optional<Coordinates> coordinates = Coordinates.of(lieuTravail);
        if (coordinates.isPresent()) {
            Location located = cas2(coordinates.get(), codePostal, libelle, offerId, answer);
            if (located != null) {
                return located;
            }
        }
        Matcher department = libelle == null ? null : DEPARTMENT_LABEL.matcher(libelle);
        if (department != null && department.find()) {
            return Location.ofDepartment("cas_3", null, null, reference.byDepartment(department.group(1)));
        }
        if (libelle != null && !FRANCE.contains(libelle)) {
            String codeRegion = regionByNormalisedName.get(normalise(libelle));
            return new Location("cas_4", null, null, null, null, null, null, codeRegion,
                    codeRegion == null ? null : reference.regionName(codeRegion).orElse(null));
        }
        return new Location("cas_5", null, null, null, null, null, null, null, null);
    }

    /** The API's commune code; a code missing from the reference (a new commune) keeps its department. */
    private Location cas1(String codeInsee, String codePostal, String offerId) {
        Optional<Commune> commune = reference.byInsee(codeInsee);
        if (commune.isPresent()) {
            return Location.ofCommune("cas_1", commune.get(), codePostal);
        }
        stats.unknownCommune();
        LOG.debug("offer {}: commune code {} is not in the geographic reference", offerId, codeInsee);
        if (!INSEE_CODE.matcher(codeInsee).matches()) {
            return Location.ofDepartment("cas_1", null, codePostal, Optional.empty());
        }
        return Location.ofDepartment("cas_1", codeInsee, codePostal, reference.byDepartment(codeInsee.substring(0, 2)));
    }

    /**
     * Coordinates only. A point on the mainland (after swapping the values back when only the swapped order is on
     * the mainland) is cas_2 even when the geocoder fails: it then keeps the department of the API postal code or
     * of the label. A point outside the bounds is cas_2 only if the geocoder finds a commune of the reference
     * (islands such as Ouessant lie outside the mainland bounds); otherwise null: the label decides (cas_3 to 5).
     */
    private Location cas2(Coordinates coordinates, String apiPostalCode, String libelle, String offerId, Place answer) {
        Optional<Coordinates> mainland = coordinates.onMainlandOrSwapped();
        if (mainland.isPresent() && mainland.get() != coordinates) {
            stats.swapped();
        }
        Optional<Place> place = geocoded(mainland.orElse(coordinates), offerId, answer);

        String codeInsee = place.map(Place::codeInsee).map(code -> code.toUpperCase(Locale.ROOT)).orElse(null);
        Optional<Commune> commune = Optional.ofNullable(codeInsee).flatMap(reference::byInsee);
        String codePostal = place.map(Place::codePostal).map(LocationEnricher::postalCode).orElse(apiPostalCode);
        if (commune.isPresent()) {
            return Location.ofCommune("cas_2", commune.get(), codePostal);
        }
        if (codePostal != null && !reference.byPostalCode(codePostal).isEmpty()) {
            // Several communes may share a postal code: the first in INSEE order, as the original did.
            return Location.ofCommune("cas_2", reference.byPostalCode(codePostal).get(0), codePostal);
        }
        if (mainland.isEmpty()) {
            return null;
        }
        Optional<Commune> department = Optional.empty();
        if (codePostal != null) {
            stats.unknownPostalCode();
            department = reference.byDepartment(codePostal.substring(0, 2));
        }
        if (department.isEmpty() && libelle != null) {
            Matcher label = DEPARTMENT_LABEL.matcher(libelle);
            if (label.find()) {
                department = reference.byDepartment(label.group(1));
            }
        }
        return Location.ofDepartment("cas_2", null, codePostal, department);
    }

    private Optional<Place> geocoded(Coordinates point, String offerId, Place answer) {
        stats.geocodingRequested();
        if (answer == null || !answer.found()) {
            stats.geocodingFailed();
            return Optional.empty();
        }
        // The offer passed the metropolitan filter: a Corsican or overseas answer is a geocoder error, not a place.
        if (MetropolitanFilter.byCommune(answer.codeInsee()).isPresent()
                || MetropolitanFilter.byPostalCode(answer.codePostal()).isPresent()) {
            LOG.debug("offer {}: geocoder placed {},{} outside metropolitan France ({}), answer ignored", offerId,
                    point.latitude(), point.longitude(), answer);
            stats.geocodingFailed();
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    /** A five-digit postal code, or null (empty, CEDEX text, junk). */
    private static String postalCode(String value) {
        return value != null && POSTAL_CODE.matcher(value.strip()).matches() ? value.strip() : null;
    }

    /** Reference 3.3.6: accents removed, lower case, hyphens as spaces (and typographic apostrophes, spaces tidied). */
    static String normalise(String name) {
        String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(ascii.toLowerCase(Locale.ROOT).replace('-', ' ').replace('\u2019', '\'')).replaceAll(" ").strip();
    }

    // Compiled once: normalise runs for every offer's label (metropolitan filter and cas_4).
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
}
