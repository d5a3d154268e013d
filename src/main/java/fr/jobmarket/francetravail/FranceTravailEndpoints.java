package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;

/**
 * Where the token and search requests go: France Travail itself in live mode (credentials configured),
 * else the product's own France Travail-compatible sandbox on this instance's HTTP port.
 */
public record FranceTravailEndpoints(String tokenUrl, String searchUrl) {

    public static final String SANDBOX_TOKEN_PATH = "/sandbox/connexion/oauth2/access_token?realm=/partenaire";
    public static final String SANDBOX_SEARCH_PATH = "/sandbox/partenaire/offresdemploi/v2/offres/search";

    public static FranceTravailEndpoints of(Settings settings) {
        if (settings.liveMode()) {
            String api = settings.text("jobmarket.ft.api.url");
            return new FranceTravailEndpoints(settings.text("jobmarket.ft.token.url"),
                    (api.endsWith("/") ? api.substring(0, api.length() - 1) : api) + "/offres/search");
        }
        String local = "http://127.0.0.1:" + settings.httpPort();
        return new FranceTravailEndpoints(local + SANDBOX_TOKEN_PATH, local + SANDBOX_SEARCH_PATH);
    }
}
