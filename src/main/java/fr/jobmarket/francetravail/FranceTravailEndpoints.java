package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import fr.jobmarket.sandbox.SandboxHttp;

/**
 * Where the token and search requests go: France Travail itself in live mode (credentials configured),
 * else the product's own France Travail-compatible sandbox on this instance's HTTP port.
 */
public record FranceTravailEndpoints(String tokenUrl, String searchUrl) {

    public static FranceTravailEndpoints of(Settings settings) {
        if (settings.liveMode()) {
            String api = settings.text("jobmarket.ft.api.url");
            return new FranceTravailEndpoints(settings.text("jobmarket.ft.token.url"),
                    (api.endsWith("/") ? api.substring(0, api.length() - 1) : api) + "/offres/search");
        }
        return new FranceTravailEndpoints(SandboxHttp.tokenUrl(settings), SandboxHttp.apiUrl(settings) + "/offres/search");
    }
}
