package fr.jobmarket.api;

import fr.jobmarket.geo.GeoReference;
import org.apache.camel.Exchange;

/**
 * The first step of the query routes: checks the request's filters (a 400 problem names the first bad
 * one), makes them the {@code sql:} endpoint's named parameters (the body) and the cache key.
 */
public final class ApiFilters {

    /** Exchange property set by the route: the endpoint's name, first part of the cache key. */
    static final String ENDPOINT = "apiEndpoint";

    private final GeoReference geo;

    public ApiFilters(GeoReference geo) {
        this.geo = geo;
    }

    /** metier_data, offres_dispo_only and the four location code lists. */
    public void all(Exchange exchange) {
        Responder.Request request = Responder.request(exchange);
        Filters filters = Filters.from(request.query(), geo);
        exchange.setProperty(ApiCache.KEY, exchange.getProperty(ENDPOINT) + "?" + filters.key() + "#" + request.representation());
        exchange.getMessage().setBody(filters.sqlParameters());
    }
}
