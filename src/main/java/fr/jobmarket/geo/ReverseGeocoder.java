package fr.jobmarket.geo;

import java.util.Optional;

/** Finds the commune of a point (reverse geocoding). */
public interface ReverseGeocoder {

    /**
     * The commune at this point; empty when there is none or the lookup failed. Implementations should not
     * throw; callers still treat an exception as a failed lookup.
     */
    Optional<Place> reverse(double latitude, double longitude);

    /** INSEE commune code and postal code of the place found; either may be null. */
    record Place(String codeInsee, String codePostal) {
    }
}
