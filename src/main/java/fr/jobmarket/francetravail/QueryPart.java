package fr.jobmarket.francetravail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One search query of an appellation: the whole appellation, or a part of it after splitting, narrowed
 * to a creation-date window (both bounds always given together, as the API requires) and/or a departement.
 * Null fields are not sent.
 */
public record QueryPart(Instant minCreationDate, Instant maxCreationDate, String departement) {

    public QueryPart {
        if ((minCreationDate == null) != (maxCreationDate == null)) {
            throw new IllegalArgumentException("minCreationDate and maxCreationDate go together, got "
                    + minCreationDate + " and " + maxCreationDate);
        }
        if (minCreationDate != null && maxCreationDate.isBefore(minCreationDate)) {
            throw new IllegalArgumentException("creation window ends before it starts: " + minCreationDate + " > " + maxCreationDate);
        }
    }

    /** The unsplit query: all offers of the appellation. */
    public static QueryPart whole() {
        return new QueryPart(null, null, null);
    }

    public static QueryPart window(Instant from, Instant to) {
        return new QueryPart(from, to, null);
    }

    public boolean hasWindow() {
        return minCreationDate != null;
    }

    public QueryPart inDepartement(String code) {
        return new QueryPart(minCreationDate, maxCreationDate, code);
    }

    /** The search parameters, in the order the API documents them. */
    public Map<String, String> parameters(String appellationCode, PageRange range) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appellation", appellationCode);
        parameters.put("paysContinent", FranceTravailApi.PAYS_CONTINENT_FRANCE);
        if (departement != null) {
            parameters.put("departement", departement);
        }
        if (hasWindow()) {
            parameters.put("minCreationDate", FranceTravailApi.CREATION_DATE.format(minCreationDate));
            parameters.put("maxCreationDate", FranceTravailApi.CREATION_DATE.format(maxCreationDate));
        }
        parameters.put("range", range.toString());
        return parameters;
    }

    /** The URL query string (values encoded), e.g. {@code appellation=38971&paysContinent=01&range=0-149}. */
    public String queryString(String appellationCode, PageRange range) {
        return parameters(appellationCode, range).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        if (!hasWindow() && departement == null) {
            return "whole query";
        }
        return (hasWindow() ? "created " + FranceTravailApi.CREATION_DATE.format(minCreationDate) + ".."
                + FranceTravailApi.CREATION_DATE.format(maxCreationDate) : "")
                + (departement == null ? "" : (hasWindow() ? ", " : "") + "departement " + departement);
    }
}
