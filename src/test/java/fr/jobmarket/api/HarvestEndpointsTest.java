package fr.jobmarket.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HarvestEndpointsTest {

    @Test
    void keepsAnErrorThatShowsNothingInternalAsItIs() {
        String error = "Appellation 38972 Data scientist: HTTP 400: Le paramètre range est invalide (after 1 attempts)";
        assertThat(HarvestEndpoints.withoutInternals(error)).isEqualTo(error);
        String url = "France Travail refused the token request at https://entreprise.francetravail.fr/connexion/oauth2/access_token?realm=/partenaire";
        assertThat(HarvestEndpoints.withoutInternals(url)).isEqualTo(url);
    }

    @Test
    void cutsPathsToTheirLastNameAndDropsExchangeIdsAndPackages() {
        assertThat(HarvestEndpoints.withoutInternals("Nothing to replay: /srv/jobmarket/data/raw does not exist"))
                .isEqualTo("Nothing to replay: …/raw does not exist" + HarvestEndpoints.DETAILS_WITH_TOKEN);
        assertThat(HarvestEndpoints.withoutInternals("Warehouse load of '/data/history/a.json' failed: java.io.IOException: No space left"))
                .isEqualTo("Warehouse load of '…/a.json' failed: IOException: No space left" + HarvestEndpoints.DETAILS_WITH_TOKEN);
        assertThat(HarvestEndpoints.withoutInternals("Exception occurred during execution on the exchange: Exchange[0D3F1A2B3C4D5E6-0000000000000007]"))
                .isEqualTo("Exception occurred during execution" + HarvestEndpoints.DETAILS_WITH_TOKEN);
        assertThat(HarvestEndpoints.withoutInternals("No answer in time for 0D3F1A2B3C4D5E6-0000000000000007"))
                .isEqualTo("No answer in time for" + HarvestEndpoints.DETAILS_WITH_TOKEN);
    }
}
