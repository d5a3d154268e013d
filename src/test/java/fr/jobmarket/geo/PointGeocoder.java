package fr.jobmarket.geo;

import java.util.Optional;

/** A reverse geocoder without HTTP, for tests and benchmarks: the place at a point, if any. May throw (down). */
@FunctionalInterface
public interface PointGeocoder {

    Optional<Place> reverse(double latitude, double longitude);

    /**
     * Locates one offer as the {@code locate} route does: the point to geocode, this geocoder's answer (a throw
     * or an empty answer is {@link Place#NONE}), then the location cases.
     */
    static void locate(LocationEnricher enricher, PointGeocoder geocoder, com.fasterxml.jackson.databind.node.ObjectNode offer) {
        Coordinates point = enricher.pointToGeocode(offer);
        Place place = null;
        if (point != null) {
            try {
                place = geocoder.reverse(point.latitude(), point.longitude()).orElse(Place.NONE);
            } catch (RuntimeException e) {
                place = Place.NONE;
            }
        }
        enricher.enrich(offer, place);
    }
}
