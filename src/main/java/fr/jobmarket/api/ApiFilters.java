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
        use(exchange, Filters.from(Responder.request(exchange).query(), geo));
    }

    /** The rankings take metier_data and offres_dispo_only only. */
    public void ranking(Exchange exchange) {
        use(exchange, Filters.rankingFrom(Responder.request(exchange).query()));
    }

    private static void use(Exchange exchange, Filters filters) {
        Responder.Request request = Responder.request(exchange);
        exchange.setProperty(ApiCache.KEY, exchange.getProperty(ENDPOINT) + "?" + filters.key() + "#" + request.representation());
        exchange.getMessage().setBody(filters.sqlParameters());
    }
}
