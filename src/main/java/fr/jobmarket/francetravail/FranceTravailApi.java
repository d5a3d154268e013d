package fr.jobmarket.francetravail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The numbers and words of the France Travail "Offres d'emploi v2" API, in one place. */
public final class FranceTravailApi {

    /** Offers per page: a range {@code a-b} may span at most 150 offers. */
    public static final int PAGE_SIZE = 150;
    /** France Travail rejects a start above 3000 with a 400 ("La position de début doit être inférieure ou égale à 3000."). */
    public static final int MAX_START = 3000;
    /** So one query reaches at most 3150 offers (last range 3000-3149); a bigger query must be split. */
    public static final int MAX_OFFERS_PER_QUERY = MAX_START + PAGE_SIZE;

    /** {@code paysContinent=01}: France, overseas departments and Corsica included (filtered later). */
    public static final String PAYS_CONTINENT_FRANCE = "01";
    /** Both scopes in one string, one space apart, as the token endpoint expects. */
    public static final String SCOPE = "o2dsoffre api_offresdemploiv2";
    /** {@code minCreationDate}/{@code maxCreationDate} format: ISO-8601 UTC to the second. */
    public static final DateTimeFormatter CREATION_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** Values of the {@code departement} search parameter, the last resort to split a query (Corsica as 2A/2B, overseas as 971-976). */
    public static final List<String> DEPARTEMENTS = Stream.of(
            IntStream.rangeClosed(1, 19).mapToObj(n -> String.format("%02d", n)),
            Stream.of("2A", "2B"),
            IntStream.rangeClosed(21, 95).mapToObj(n -> String.format("%02d", n)),
            IntStream.rangeClosed(971, 976).mapToObj(Integer::toString))
            .flatMap(s -> s).toList();

    private FranceTravailApi() {
    }
}
