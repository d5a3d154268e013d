package fr.jobmarket.api;

import fr.jobmarket.geo.GeoReference;

/** The geographic reference, read once on first use (the file is a few megabytes). */
final class Geo {

    private static volatile GeoReference reference;

    private Geo() {
    }

    static GeoReference reference() {
        GeoReference loaded = reference;
        if (loaded == null) {
            synchronized (Geo.class) {
                if (reference == null) {
                    reference = GeoReference.load();
                }
                loaded = reference;
            }
        }
        return loaded;
    }
}
