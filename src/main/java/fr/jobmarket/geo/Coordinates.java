package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * A latitude / longitude pair from an offer, with the mainland bounds of reference 3.3.4 and the areas
 * (Corsica, overseas territories) that clearly lie outside metropolitan France.
 */
public record Coordinates(double latitude, double longitude) {

    // Extreme points of mainland France, inclusive (reference 3.3.4).
    static final double SOUTH = 42.3328;
    static final double NORTH = 51.0892;
    static final double WEST = -4.7956;
    static final double EAST = 8.2306;

    private record Area(String name, double south, double north, double west, double east) {
        boolean contains(Coordinates point) {
            return point.latitude >= south && point.latitude <= north
                    && point.longitude >= west && point.longitude <= east;
        }
    }

    /** Corsica, checked before the overseas boxes. */
    private static final Area CORSICA = new Area("Corse", 41.30, 43.10, 8.50, 9.60);
    /** Generous boxes around each overseas territory: a point in one of them is not on the mainland. */
    private static final List<Area> OVERSEAS = List.of(
            new Area("Antilles (Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy)", 14.2, 18.2, -63.3, -60.7),
            new Area("Guyane", 2.0, 6.0, -54.8, -51.5),
            new Area("La Réunion", -21.5, -20.8, 55.1, 55.9),
            new Area("Mayotte", -13.1, -12.5, 44.9, 45.4),
            new Area("Saint-Pierre-et-Miquelon", 46.7, 47.2, -56.5, -56.0),
            new Area("Wallis-et-Futuna", -14.5, -13.1, -178.3, -176.0),
            new Area("Polynésie française", -28.0, -7.0, -155.0, -134.0),
            new Area("Nouvelle-Calédonie", -23.0, -19.5, 163.5, 168.2));

    /** Reads {@code lieuTravail.latitude} and {@code longitude} (numbers or numeric text); empty when either is missing. */
    public static Optional<Coordinates> of(JsonNode lieuTravail) {
        if (lieuTravail == null) {
            return Optional.empty();
        }
        Optional<Double> latitude = number(lieuTravail.get("latitude"));
        Optional<Double> longitude = number(lieuTravail.get("longitude"));
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(latitude.get(), longitude.get()));
    }

    private static Optional<Double> number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return finite(node.asDouble());
        }
        String text = node.asText().strip().replace(',', '.');
        try {
            return text.isEmpty() ? Optional.empty() : finite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> finite(double value) {
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }

    public boolean onMainland() {
        return latitude >= SOUTH && latitude <= NORTH && longitude >= WEST && longitude <= EAST;
    }

    public Coordinates swapped() {
        return new Coordinates(longitude, latitude);
    }

    /**
     * The point as given when it lies on the mainland, else the swapped point when that one does: unlike the
     * original, a swap is only accepted when both values then fall inside the bounds.
     */
    public Optional<Coordinates> onMainlandOrSwapped() {
        if (onMainland()) {
            return Optional.of(this);
        }
        Coordinates swapped = swapped();
        return swapped.onMainland() ? Optional.of(swapped) : Optional.empty();
    }

    /** Corsica or an overseas territory, in either order of the values, when the point is not on the mainland. */
    public Optional<String> outsideArea() {
        if (onMainlandOrSwapped().isPresent()) {
            return Optional.empty();
        }
        for (Coordinates point : List.of(this, swapped())) {
            if (CORSICA.contains(point)) {
                return Optional.of(CORSICA.name());
            }
            for (Area area : OVERSEAS) {
                if (area.contains(point)) {
                    return Optional.of(area.name());
                }
            }
        }
        return Optional.empty();
    }
}
