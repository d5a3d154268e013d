package fr.jobmarket.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The France Travail API as the sandbox plays it: token endpoint, offer search (paging, Content-Range,
 * 206 / 200 / 204, the 400s of the API, 429 above the rate) and a reverse geocoder in the French address
 * API's format. Plain Java, no HTTP: {@link SandboxHttp} wires it to the routes.
 */
public final class SandboxApi {

    /** France Travail pages hold at most 150 offers. */
    public static final int MAX_PAGE = 150;
    /** France Travail rejects a range starting above 3000 with a 400. */
    public static final int MAX_START = 3000;
    public static final String MAX_START_MESSAGE = "La position de début doit être inférieure ou égale à 3000.";
    /** France Travail tokens live 1499 s. */
    public static final int TOKEN_LIFETIME_SECONDS = 1499;
    public static final String DEFAULT_SCOPE = "api_offresdemploiv2 o2dsoffre";

    private static final Pattern RANGE = Pattern.compile("(\\d{1,9})-(\\d{1,9})");
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|\\d{3}");
    private static final Pattern APPELLATION = Pattern.compile("\\d{1,8}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The highest rate limit the sandbox can count (its window of accepted requests holds one second of them). */
    public static final int MAX_RATE_LIMIT = RateWindow.CAPACITY;

    private final SyntheticOffers offers;
    private final RateWindow rate;
    private final LongSupplier nanoClock;
    private final Map<String, Long> tokenExpiries = new ConcurrentHashMap<>();

    public SandboxApi(SyntheticOffers offers, int requestsPerSecond, LongSupplier nanoClock) {
        this(offers, requestsPerSecond, nanoClock, Clock.systemUTC());
    }

    SandboxApi(SyntheticOffers offers, int requestsPerSecond, LongSupplier nanoClock, Clock wallClock) {
        this.offers = offers;
        this.rate = new RateWindow(requestsPerSecond, nanoClock, wallClock, RateWindow.CAPACITY);
        this.nanoClock = nanoClock;
    }

    public SyntheticOffers offers() {
        return offers;
    }

    /** POST /connexion/oauth2/access_token: any client id and secret is accepted, grant_type is checked. */
    public SandboxResponse token(Map<String, String> form) {
        if (!rate.tryAcquire()) {
            return tooManyRequests();
        }
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isBlank()) {
            return SandboxResponse.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"Missing grant_type parameter value\"}");
        }
        if (!grantType.equals("client_credentials")) {
            return SandboxResponse.json(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Only client_credentials is supported\"}");
        }
        long now = nanoClock.getAsLong();
        tokenExpiries.values().removeIf(expiry -> expiry - now <= 0);
        String token = UUID.randomUUID().toString().replace("-", "");
        tokenExpiries.put(token, now + TOKEN_LIFETIME_SECONDS * 1_000_000_000L);
        String scope = form.getOrDefault("scope", DEFAULT_SCOPE);
        ObjectNode body = JSON.createObjectNode();
        body.put("scope", scope.isBlank() ? DEFAULT_SCOPE : scope);
        body.put("expires_in", TOKEN_LIFETIME_SECONDS);
        body.put("token_type", "Bearer");
        body.put("access_token", token);
        return SandboxResponse.json(200, body.toString());
    }

    /** GET /partenaire/offresdemploi/v2/offres/search. */
    public SandboxResponse search(Map<String, String> query, String authorization) {
        if (!rate.tryAcquire()) {
            return tooManyRequests();
        }
        if (!authorized(authorization)) {
            return new SandboxResponse(401, Map.of("Content-Type", "application/json;charset=UTF-8",
                    "WWW-Authenticate", "Bearer error=\"invalid_token\""),
                    error(401, "Jeton d'accès absent, invalide ou expiré : demandez un jeton à /connexion/oauth2/access_token."));
        }
        SearchRequest request;
        try {
            request = SearchRequest.parse(query);
        } catch (IllegalArgumentException e) {
            return SandboxResponse.json(400, error(400, e.getMessage()));
        }
        int[] matching = matching(request);
        int total = matching.length;
        if (total == 0 || request.start() >= total) {
            return new SandboxResponse(204, Map.of(), null);
        }
        int last = Math.min(request.end(), total - 1);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode resultats = body.putArray("resultats");
        for (int position = request.start(); position <= last; position++) {
            resultats.add(offers.offer(matching[position]));
        }
        ArrayNode filtres = body.putArray("filtresPossibles");
        filtres.add(aggregation("typeContrat", matching, OfferFactory::typeContrat));
        filtres.add(aggregation("experience", matching, OfferFactory::experienceExige));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json;charset=UTF-8");
        headers.put("Content-Range", "offres " + request.start() + "-" + last + "/" + total);
        headers.put("Accept-Range", "offres " + MAX_PAGE);
        boolean everything = request.start() == 0 && last == total - 1;
        return new SandboxResponse(everything ? 200 : 206, headers, write(body));
    }

    /**
     * GET /sandbox/stats: the token and search requests accepted and refused (429) since the last reset, and
     * the busiest rolling second as this server saw it, so that a benchmark can check the client's rate.
     */
    public SandboxResponse stats() {
        RateWindow.Stats stats = rate.stats();
        ObjectNode body = JSON.createObjectNode();
        body.put("requests", stats.requests());
        body.put("refused_429", stats.refused());
        body.put("busiest_window_requests", stats.busiestWindow());
        body.put("rate_limit", stats.limit());
        body.put("first_request", stats.first() == null ? null : stats.first().toString());
        body.put("last_request", stats.last() == null ? null : stats.last().toString());
        return SandboxResponse.json(200, body.toString());
    }

    /** POST /sandbox/stats/reset: starts a new measurement (the rate limit itself keeps its memory). */
    public SandboxResponse resetStats() {
        rate.resetStats();
        return stats();
    }

    /** GET /reverse?lon=..&lat=.. in the GeoCodeJSON format of the Géoplateforme geocoder (data.geopf.fr/geocodage). */
    public SandboxResponse reverse(String lon, String lat) {
        double longitude;
        double latitude;
        try {
            longitude = Double.parseDouble(lon == null ? "" : lon.trim());
            latitude = Double.parseDouble(lat == null ? "" : lat.trim());
        } catch (NumberFormatException e) {
            return SandboxResponse.json(400, "{\"code\":400,\"message\":\"Failed parsing query\",\"detail\":[\"lon and lat: expected decimal numbers, got lon="
                    + escape(lon) + " lat=" + escape(lat) + "\"]}");
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "FeatureCollection");
        body.put("version", "draft");
        ArrayNode features = body.putArray("features");
        SandboxCities.nearest(latitude, longitude).ifPresent(city -> {
            ObjectNode feature = features.addObject();
            feature.put("type", "Feature");
            ObjectNode geometry = feature.putObject("geometry");
            geometry.put("type", "Point");
            geometry.putArray("coordinates").add(city.longitude()).add(city.latitude());
            ObjectNode properties = feature.putObject("properties");
            properties.put("label", city.postal() + " " + city.name());
            properties.put("score", 0.99);
            properties.put("id", city.insee());
            properties.put("type", "municipality");
            properties.put("name", city.name());
            properties.put("postcode", city.postal());
            properties.put("citycode", city.insee());
            properties.put("city", city.name());
            properties.put("context", city.department() + ", " + city.departmentName() + ", " + city.region());
            properties.put("distance", Math.round(SandboxCities.distanceKm(latitude, longitude, city.latitude(), city.longitude()) * 1000));
        });
        body.put("attribution", "BAN");
        body.put("licence", "ETALAB-2.0");
        body.put("limit", 1);
        return SandboxResponse.json(200, body.toString());
    }

    private boolean authorized(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Long expiry = tokenExpiries.get(authorization.substring(7).trim());
        return expiry != null && expiry - nanoClock.getAsLong() > 0;
    }

    private int[] matching(SearchRequest request) {
        if (request.abroad()) {
            return new int[0];
        }
        int[] listing = request.appellation() == null ? offers.everyOffer() : offers.listing(request.appellation());
        if (request.minCreation() == null && request.departements().isEmpty()) {
            return listing;
        }
        return Arrays.stream(listing).filter(index -> {
            if (request.minCreation() != null) {
                Instant created = offers.dateCreation(index);
                if (created.isBefore(request.minCreation()) || !created.isBefore(request.maxCreation())) {
                    return false;
                }
            }
            if (request.departements().isEmpty()) {
                return true;
            }
            String departement = offers.departement(index);
            return departement != null && request.departements().contains(departement);
        }).toArray();
    }

    private static ObjectNode aggregation(String filtre, int[] matching, IntFunction<String> value) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int index : matching) {
            counts.merge(value.apply(index), 1, Integer::sum);
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("filtre", filtre);
        ArrayNode agregation = node.putArray("agregation");
        counts.forEach((valeur, count) -> agregation.addObject().put("valeurPossible", valeur).put("nbResultats", count));
        return node;
    }

    private SandboxResponse tooManyRequests() {
        return new SandboxResponse(429, Map.of("Content-Type", "application/json;charset=UTF-8", "Retry-After", "1"),
                error(429, "Trop de requêtes : la limite est de " + rate.limit() + " requêtes par seconde."));
    }

    /** The API's error body: {"codeHttp":400,"message":"..."}. */
    static String error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("codeHttp", status);
        body.put("message", message);
        return body.toString();
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a sandbox search answer", e);
        }
    }

    private static String escape(String value) {
        return value == null ? "" : value.replaceAll("[^0-9A-Za-z.+-]", "?");
    }

    /** A search's parameters, checked as France Travail checks them. */
    record SearchRequest(String appellation, boolean abroad, int start, int end, Instant minCreation,
                         Instant maxCreation, Set<String> departements) {

        static SearchRequest parse(Map<String, String> query) {
            String appellation = blankToNull(query.get("appellation"));
            if (appellation != null && !APPELLATION.matcher(appellation).matches()) {
                throw new IllegalArgumentException("Valeur du paramètre « appellation » incorrecte : '" + appellation + "'.");
            }
            String pays = blankToNull(query.get("paysContinent"));
            int start = 0;
            int end = MAX_PAGE - 1;
            String range = blankToNull(query.get("range"));
            if (range != null) {
                Matcher matcher = RANGE.matcher(range);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("Le paramètre range doit être de la forme p-d (exemple : 0-149), reçu '" + range + "'.");
                }
                start = Integer.parseInt(matcher.group(1));
                end = Integer.parseInt(matcher.group(2));
                if (start > MAX_START) {
                    throw new IllegalArgumentException(MAX_START_MESSAGE);
                }
                if (start > end) {
                    throw new IllegalArgumentException("La position de début doit être inférieure ou égale à la position de fin.");
                }
                if (end - start + 1 > MAX_PAGE) {
                    throw new IllegalArgumentException("La plage de résultats demandée est trop importante : " + MAX_PAGE + " offres au maximum.");
                }
            }
            String min = blankToNull(query.get("minCreationDate"));
            String max = blankToNull(query.get("maxCreationDate"));
            if ((min == null) != (max == null)) {
                throw new IllegalArgumentException("Les paramètres minCreationDate et maxCreationDate doivent être renseignés ensemble.");
            }
            Instant minCreation = min == null ? null : instant("minCreationDate", min);
            Instant maxCreation = max == null ? null : instant("maxCreationDate", max);
            if (minCreation != null && minCreation.isAfter(maxCreation)) {
                throw new IllegalArgumentException("minCreationDate doit être antérieure ou égale à maxCreationDate.");
            }
            Set<String> departements = new HashSet<>();
            String departement = blankToNull(query.get("departement"));
            if (departement != null) {
                for (String code : departement.split(",")) {
                    if (!DEPARTEMENT.matcher(code.trim()).matches()) {
                        throw new IllegalArgumentException("Valeur du paramètre « departement » incorrecte : '" + code + "'.");
                    }
                    departements.add(code.trim());
                }
            }
            return new SearchRequest(appellation, pays != null && !pays.equals("01"), start, end, minCreation, maxCreation,
                    Set.copyOf(departements));
        }

        private static Instant instant(String name, String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Le paramètre " + name + " doit être une date ISO-8601 UTC (exemple : 2024-11-28T00:00:00Z), reçu '" + value + "'.");
            }
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
