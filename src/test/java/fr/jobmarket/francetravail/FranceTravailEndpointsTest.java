package fr.jobmarket.francetravail;

import fr.jobmarket.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class FranceTravailEndpointsTest {

    @Test
    void liveModeUsesFranceTravailsUrls() {
        Settings settings = Settings.load(Map.of(), new Properties(),
                Map.of("jobmarket.ft.client.id", "id", "jobmarket.ft.client.secret", "secret"));

        assertThat(FranceTravailEndpoints.of(settings)).isEqualTo(new FranceTravailEndpoints(
                "https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=/partenaire",
                "https://api.francetravail.io/partenaire/offresdemploi/v2/offres/search"));
    }

    @Test
    void sandboxModeUsesTheLocalEndpointOnTheHttpPort() {
        Settings settings = Settings.load(Map.of(), new Properties(),
                Map.of("jobmarket.ft.client.id", "", "jobmarket.http.port", "18080"));

        assertThat(FranceTravailEndpoints.of(settings)).isEqualTo(new FranceTravailEndpoints(
                "http://127.0.0.1:18080/sandbox/connexion/oauth2/access_token?realm=/partenaire",
                "http://127.0.0.1:18080/sandbox/partenaire/offresdemploi/v2/offres/search"));
    }
}
