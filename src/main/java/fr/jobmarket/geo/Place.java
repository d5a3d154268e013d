package fr.jobmarket.geo;

/**
 * What reverse geocoding found at a point: the INSEE commune code and the postal code, either may be null.
 * {@link #NONE} stands for "looked up, nothing usable": no place there, or the geocoder failed.
 */
public record Place(String codeInsee, String codePostal) {

    public static final Place NONE = new Place(null, null);

    public boolean found() {
        return codeInsee != null || codePostal != null;
    }
}
