package fr.jobmarket.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SECOND = 1_000_000_000L;
    private static SyntheticOffers offers;

    private final AtomicLong clock = new AtomicLong(42 * SECOND);
    private SandboxApi api;
    private String bearer;

    @BeforeAll
    static void dataSet() {
        offers = new SyntheticOffers(5000);
    }

    @BeforeEach
    void tokenFromTheSandbox() throws Exception {
        // a rate high enough not to interfere, except in the rate tests that build their own
        api = new SandboxApi(offers, 1000, clock::get);
        bearer = "Bearer " + JSON.readTree(api.token(Map.of("grant_type", "client_credentials",
                "client_id", "anyone", "client_secret", "anything", "scope", "api_offresdemploiv2 o2dsoffre")).body())
                .get("access_token").asText();
    }

    @Test
    void issuesATokenForAnyClientCredentials() throws Exception {
        SandboxResponse response = api.token(Map.of("grant_type", "client_credentials", "client_id", "x", "client_secret", "y",
                "scope", "api_offresdemploiv2 o2dsoffre"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(1499);
        assertThat(body.get("scope").asText()).isEqualTo("api_offresdemploiv2 o2dsoffre");
        assertThat(body.get("access_token").asText()).isNotBlank();
    }

    @Test
    void refusesATokenRequestWithoutGrantType() {
        SandboxResponse response = api.token(Map.of("client_id", "x", "client_secret", "y"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_request");
        assertThat(api.token(Map.of("grant_type", "password")).status()).isEqualTo(400);
    }

    @Test
    void answers401WithoutAValidOrUnexpiredToken() {
        assertThat(api.search(query("14156", null), null).status()).isEqualTo(401);
        assertThat(api.search(query("14156", null), "Bearer made-up").status()).isEqualTo(401);
        assertThat(api.search(query("14156", null), bearer).status()).isEqualTo(206);
        clock.addAndGet(1499 * SECOND);
        assertThat(api.search(query("14156", null), bearer).status()).isEqualTo(401);
    }

    @Test
    void answers206WithContentRangeWhenTheRangeIsASubset() throws Exception {
        int total = offers.total("14153");
        SandboxResponse response = api.search(query("14153", "150-299"), bearer);
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.headers()).containsEntry("Content-Range", "offres 150-299/" + total);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("resultats")).hasSize(150);
        assertThat(body.get("resultats").get(0).get("id").asText()).isEqualTo(offers.id(offers.listing("14153")[150]));
        assertThat(body.get("filtresPossibles").get(0).get("filtre").asText()).isEqualTo("typeContrat");
        int contracts = 0;
        for (JsonNode value : body.get("filtresPossibles").get(0).get("agregation")) {
            contracts += value.get("nbResultats").asInt();
        }
        assertThat(contracts).isEqualTo(total);
    }

    @Test
    void usesRange0To149WithoutRangeParameter() {
        SandboxResponse response = api.search(query("14153", null), bearer);
        assertThat(response.status()).isEqualTo(206);
        assertThat(response.headers().get("Content-Range")).isEqualTo("offres 0-149/" + offers.total("14153"));
    }

    @Test
    void answers200WhenEverythingFitsAndTheLastPartialPageAs206() throws Exception {
        SandboxResponse exactlyOnePage = api.search(query("38972", "0-149"), bearer);
        assertThat(exactlyOnePage.status()).isEqualTo(200);
        assertThat(exactlyOnePage.headers()).containsEntry("Content-Range", "offres 0-149/150");
        assertThat(JSON.readTree(exactlyOnePage.body()).get("resultats")).hasSize(150);

        int total = offers.total("14156");
        int lastStart = (total - 1) / 150 * 150;
        SandboxResponse last = api.search(query("14156", lastStart + "-" + (lastStart + 149)), bearer);
        assertThat(last.status()).isEqualTo(206);
        assertThat(last.headers()).containsEntry("Content-Range", "offres " + lastStart + "-" + (total - 1) + "/" + total);
        assertThat(JSON.readTree(last.body()).get("resultats")).hasSize(total - lastStart);
    }

    @Test
    void answers204WithAnEmptyBodyWhenNothingMatches() {
        SandboxResponse empty = api.search(query("404279", null), bearer);
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isNull();
        assertThat(api.search(query("11100", null), bearer).status()).isEqualTo(204);
        assertThat(api.search(query("38972", "150-299"), bearer).status()).isEqualTo(204);
        Map<String, String> abroad = query("14156", null);
        abroad.put("paysContinent", "05");
        assertThat(api.search(abroad, bearer).status()).isEqualTo(204);
    }

    @Test
    void answers400WithTheApiMessageForAStartAbove3000() throws Exception {
        assertThat(api.search(query("14153", "3000-3149"), bearer).status()).isEqualTo(206);
        SandboxResponse response = api.search(query("14153", "3150-3299"), bearer);
        assertThat(response.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("codeHttp").asInt()).isEqualTo(400);
        assertThat(body.get("message").asText()).isEqualTo("La position de début doit être inférieure ou égale à 3000.");
    }

    @Test
    void answers400ForAMalformedOrTooLargeRangeOrBadParameters() {
        for (String range : new String[] {"abc", "0-", "-5", "10-5", "0-150", "0-1000"}) {
            assertThat(api.search(query("14153", range), bearer).status()).as(range).isEqualTo(400);
        }
        assertThat(api.search(query("14153", "0-150"), bearer).body()).contains("150 offres au maximum");
        Map<String, String> onlyMin = query("14153", null);
        onlyMin.put("minCreationDate", "2024-10-01T00:00:00Z");
        assertThat(api.search(onlyMin, bearer).status()).isEqualTo(400);
        Map<String, String> badDate = window("14153", "2024-10-01", "2024-11-01T00:00:00Z");
        assertThat(api.search(badDate, bearer).status()).isEqualTo(400);
        Map<String, String> badDepartement = query("14153", null);
        badDepartement.put("departement", "Paris");
        assertThat(api.search(badDepartement, bearer).status()).isEqualTo(400);
    }

    @Test
    void answers429WithRetryAfterAboveTheRateInAnyOneSecondWindow() {
        SandboxApi limited = new SandboxApi(offers, 10, clock::get);
        String token = "Bearer " + limited.token(Map.of("grant_type", "client_credentials")).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        clock.addAndGet(SECOND / 2); // the token request is half a second old
        for (int i = 0; i < 9; i++) {
            assertThat(limited.search(query("14156", null), token).status()).isEqualTo(206);
        }
        SandboxResponse refused = limited.search(query("14156", null), token);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.headers()).containsEntry("Retry-After", "1");
        clock.addAndGet(SECOND / 2); // the token request leaves the window: one slot free
        assertThat(limited.search(query("14156", null), token).status()).isEqualTo(206);
        assertThat(limited.search(query("14156", null), token).status()).isEqualTo(429);
        clock.addAndGet(SECOND);
        assertThat(limited.search(query("14156", null), token).status()).isEqualTo(206);
    }

    @Test
    void statsShowTheBusiestRollingSecondAndThe429sAsTheServerSawThem() throws Exception {
        SandboxApi limited = new SandboxApi(offers, 10, clock::get,
                java.time.Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
        String token = "Bearer " + JSON.readTree(limited.token(Map.of("grant_type", "client_credentials")).body())
                .get("access_token").asText();
        clock.addAndGet(SECOND * 9 / 10);
        for (int i = 0; i < 5; i++) {
            limited.search(query("14156", null), token);
        }
        clock.addAndGet(SECOND / 5); // 1.1 s: a clock second has ticked, but 0.9 s and 1.1 s share a rolling second
        for (int i = 0; i < 6; i++) {
            limited.search(query("14156", null), token);
        }

        JsonNode stats = JSON.readTree(limited.stats().body());
        assertThat(stats.get("requests").asLong()).isEqualTo(11);
        assertThat(stats.get("refused_429").asLong()).isEqualTo(1);
        // clock seconds [0 s, 1 s) and [1 s, 2 s) would hold 6 and 5
        assertThat(stats.get("busiest_window_requests").asInt()).isEqualTo(10);
        assertThat(stats.get("rate_limit").asInt()).isEqualTo(10);
        assertThat(stats.get("first_request").asText()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(stats.get("last_request").asText()).isEqualTo("2025-01-01T00:00:01.100Z");

        JsonNode reset = JSON.readTree(limited.resetStats().body());
        assertThat(reset.get("requests").asLong()).isZero();
        assertThat(reset.get("refused_429").asLong()).isZero();
        assertThat(reset.get("first_request").isNull()).isTrue();
        assertThat(limited.search(query("14156", null), token).status()).as("the limit outlives the reset").isEqualTo(429);
        assertThat(JSON.readTree(limited.stats().body()).get("refused_429").asLong()).isEqualTo(1);
    }

    @Test
    void dateWindowsPartitionTheUnfilteredListing() throws Exception {
        Set<String> unfiltered = collect(query("14156", null));
        assertThat(unfiltered).hasSize(offers.total("14156"));
        Set<String> union = new HashSet<>();
        int sum = 0;
        Instant start = SyntheticOffers.ANCHOR.minusSeconds(200L * 86400);
        for (int week = 0; week < 30; week++) {
            Instant from = start.plusSeconds(week * 7L * 86400);
            Set<String> part = collect(window("14156", from.toString(), from.plusSeconds(7L * 86400).toString()));
            sum += part.size();
            union.addAll(part);
        }
        assertThat(union).isEqualTo(unfiltered);
        assertThat(sum).isEqualTo(unfiltered.size());
    }

    @Test
    void departementFiltersPartitionTheOffersThatHaveADepartement() throws Exception {
        Set<String> unfiltered = collect(query("14156", null));
        Set<String> withDepartement = new HashSet<>();
        int[] listing = offers.listing("14156");
        Set<String> codes = new HashSet<>();
        for (int index : listing) {
            if (offers.departement(index) != null) {
                withDepartement.add(offers.id(index));
                codes.add(offers.departement(index));
            }
        }
        Set<String> union = new HashSet<>();
        int sum = 0;
        for (String code : codes) {
            Map<String, String> byDepartement = query("14156", null);
            byDepartement.put("departement", code);
            Set<String> part = collect(byDepartement);
            sum += part.size();
            union.addAll(part);
        }
        assertThat(union).isEqualTo(withDepartement);
        assertThat(sum).isEqualTo(withDepartement.size());
        assertThat(unfiltered).containsAll(union);
        assertThat(unfiltered.size() - union.size()).as("region, France and placeless offers").isPositive();
        Map<String, String> two = query("14156", null);
        two.put("departement", "75,69");
        Map<String, String> paris = query("14156", null);
        paris.put("departement", "75");
        Map<String, String> rhone = query("14156", null);
        rhone.put("departement", "69");
        assertThat(collect(two)).hasSize(collect(paris).size() + collect(rhone).size());
    }

    @Test
    void reverseGeocodesSyntheticCoordinatesLikeTheFrenchAddressApi() throws Exception {
        JsonNode found = JSON.readTree(api.reverse("-0.5795", "44.8381").body());
        assertThat(found.get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode properties = found.get("features").get(0).get("properties");
        assertThat(properties.get("citycode").asText()).isEqualTo("33063");
        assertThat(properties.get("postcode").asText()).isEqualTo("33000");
        assertThat(properties.get("city").asText()).isEqualTo("Bordeaux");
        assertThat(properties.get("label").asText()).isEqualTo("33000 Bordeaux");
        assertThat(JSON.readTree(api.reverse("8.7390", "41.9190").body()).at("/features/0/properties/citycode").asText()).isEqualTo("2A004");
        assertThat(JSON.readTree(api.reverse("0.0", "46.0").body()).get("features")).isEmpty();
        assertThat(api.reverse("east", "46").status()).isEqualTo(400);
        for (int index = 0; index < offers.size(); index++) {
            JsonNode lieu = JSON.readTree(offers.offer(index).toString()).path("lieuTravail");
            if (lieu.has("latitude") && lieu.has("commune")) {
                JsonNode answer = JSON.readTree(api.reverse(lieu.get("longitude").asText(), lieu.get("latitude").asText()).body());
                assertThat(answer.at("/features/0/properties/citycode").asText()).as("offer %d", index)
                        .isEqualTo(lieu.get("commune").asText());
            }
        }
    }

    private Set<String> collect(Map<String, String> base) throws Exception {
        Set<String> ids = new HashSet<>();
        List<String> ordered = new ArrayList<>();
        for (int start = 0; ; start += 150) {
            Map<String, String> page = new HashMap<>(base);
            page.put("range", start + "-" + (start + 149));
            SandboxResponse response = api.search(page, bearer);
            if (response.status() == 204) {
                break;
            }
            assertThat(response.status()).isIn(200, 206);
            for (JsonNode offer : JSON.readTree(response.body()).get("resultats")) {
                ordered.add(offer.get("id").asText());
                ids.add(offer.get("id").asText());
            }
            if (response.status() == 200) {
                break;
            }
        }
        assertThat(ids).hasSize(ordered.size());
        return ids;
    }

    private static Map<String, String> query(String appellation, String range) {
        Map<String, String> query = new HashMap<>();
        query.put("appellation", appellation);
        query.put("paysContinent", "01");
        if (range != null) {
            query.put("range", range);
        }
        return query;
    }

    private static Map<String, String> window(String appellation, String min, String max) {
        Map<String, String> query = query(appellation, null);
        query.put("minCreationDate", min);
        query.put("maxCreationDate", max);
        return query;
    }
}
