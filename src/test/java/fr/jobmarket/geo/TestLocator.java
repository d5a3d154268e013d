package fr.jobmarket.geo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The location enrichment with a geocoder without HTTP, as the {@code locate} route runs it (see {@link PointGeocoder#locate}). */
final class TestLocator {

    private final LocationEnricher enricher;
    private final PointGeocoder geocoder;

    TestLocator(GeoReference reference, PointGeocoder geocoder) {
        this.enricher = new LocationEnricher(reference);
        this.geocoder = geocoder;
    }

    void enrich(ObjectNode offer) {
        PointGeocoder.locate(enricher, geocoder, offer);
    }

    LocationStats stats() {
        return enricher.stats();
    }
}
