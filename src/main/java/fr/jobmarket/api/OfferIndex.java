package fr.jobmarket.api;

import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One snapshot of the warehouse held in memory, so that the counts of the query API are answered for any
 * filter combination without SQL: the same rows, in the same order, as the {@code sql/api/<endpoint>.sql}
 * statements (checked by {@code OfferIndexTest} on generated data).
 *
 * <p>Offers are numbered 0..n-1. A filter is a bitmap of offers: one per métier (offers without one under
 * {@link Filters#NO_METIER}, as api_offres_filtrees selects them) and one of the available offers, built once; the
 * location filters OR the offer lists of their codes (an offer has one code of each
 * kind) and AND the kinds together. An answer is then a count over the matching offers' values (their
 * criteria, métier, keywords, weekday of creation, or their region, department, commune), sorted by the order of
 * the SQL statement, whose ties on text are ranks computed by PostgreSQL ({@link OfferIndexReader}). Immutable once
 * built.
 *
 * <p>Salaries are sorted per métier for their quartiles and brackets; the lists of offers walk the offers from the
 * most recent and keep the first that match.
 */
public final class OfferIndex {

    /**
     * The endpoints that count rows by answer line, like their SQL statement: the recruiters' criteria (their
     * junction rows), the offers per métier and the offers per keyword (liste_mots_cles holds a keyword once).
     */
    static final List<String> CRITERIA = List.of("competences", "experiences", "qualites-professionnelles",
            "qualifications", "formations", "permis-conduire", "langues", "offres-par-metier", "mots-cles");
    /** Every endpoint the index answers; the others read their SQL statement (see the class comment). */
    static final Set<String> ENDPOINTS = Set.of("total-offres", "classement-region", "classement-departement",
            "classement-ville", "competences", "experiences", "qualites-professionnelles", "qualifications",
            "formations", "permis-conduire", "langues", "offres-par-metier", "mots-cles", "offres-par-jour-creation",
            "tendances", "salaires", "salaires-tranches", "liste-offres", "plusieurs-offres");
    /** offres-par-jour-creation.sql's day names, ISO weekday 1 (Monday) to 7. */
    private static final List<String> WEEKDAYS = List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche");
    /** The location filters: {@link Filters#sqlParameters()} names, also the index's place kinds. */
    static final List<String> PLACES = List.of("code_region", "code_departement", "code_postal", "code_insee");
    /** The rankings print their first 30 lines (LIMIT 30 in their statements). */
    static final int RANKING_LINES = 30;
    /** liste-offres.sql and plusieurs-offres.sql list the 100 and the 10 most recent offers. */
    private static final int LISTED = 100;
    private static final int LISTED_WITH_DETAILS = 10;

    /**
     * The answer lines of one criterion. Offer i's lines are {@code line[start[i]] .. line[start[i+1]-1]}
     * (one per junction row); line g has its sort class (the order's key before the count) and its columns,
     * which follow the count, named {@code countLabel}.
     */
    record Criterion(int[] start, int[] line, int[] classe, String countLabel, String[] labels, Object[][] columns) {
    }

    /**
     * tendances.sql: its days (every extraction and first-written date, in order, as text), and each offer's first
     * and last day (indexes into the days; -1 without an extraction date) and métier (index into the métiers,
     * sorted as the statement sorts them, NULL last).
     */
    record Trends(String[] days, int[] first, int[] last, int[] metier, String[] metiers) {
    }

    /**
     * The offers of one location code: their numbers, and as a bitmap too when they are more than the bitmap has
     * words (a region, a big department), where OR-ing its words costs less than setting each offer's bit.
     */
    record Place(int[] offers, long[] bits) {
        static Place of(int[] offers, int offerCount) {
            int words = (offerCount + 63) >>> 6;
            if (offers.length <= words) {
                return new Place(offers, null);
            }
            long[] bits = new long[words];
            for (int offer : offers) {
                bits[offer >>> 6] |= 1L << offer;
            }
            return new Place(offers, bits);
        }

        void addTo(long[] any) {
            if (bits != null) {
                for (int w = 0; w < any.length; w++) {
                    any[w] |= bits[w];
                }
            } else {
                for (int offer : offers) {
                    any[offer >>> 6] |= 1L << offer;
                }
            }
        }
    }

    /**
     * salaires.sql and salaires-tranches.sql: the offers with a contract row (the statements join it), each offer's
     * yearly salary and its bracket ({@link #NONE} without yearly bounds), and the offers whose salary text was not read.
     */
    record Salaries(long[] withContract, int[] salary, int[] bracket, long[] unread) {
        static final int NONE = Integer.MIN_VALUE;
    }

    /**
     * liste-offres.sql and plusieurs-offres.sql: the offers from the most recently created (the statements' order,
     * ranked by PostgreSQL), and the columns they show, by offer.
     */
    record Listing(int[] byRecency, String[] ids, String[] titles, Object[] created, Object[] updated,
                   String[] experiences, String[] towns, String[] regions) {
    }

    /** A ranking by region or department: each offer's line (-1 when its name is unknown), each line's code and name. */
    record Ranking(int[] line, String[] codes, String[] names, String codeLabel, String nameLabel) {
    }

    /**
     * The ranking by commune: each offer's INSEE code line (-1 when unknown) and the ranks of its commune and
     * department names; a line shows the smallest names of its matching offers.
     */
    record Towns(int[] line, String[] codes, int[] nameRank, String[] namesByRank, int[] departmentRank,
                 String[] departmentsByRank) {
    }

    private final int offers;
    /** Every offer, the start of each filter. */
    private final long[] all;
    private final Map<String, long[]> byMetier;
    private final long[] available;
    private final Map<String, Map<String, Place>> byPlace;
    private final Ranking regions;
    private final Ranking departements;
    private final Towns towns;
    private final Map<String, Criterion> criteria;
    /** Each offer's ISO weekday of creation (1 = Monday), 0 without a creation date. */
    private final byte[] weekdayCreated;
    private final Trends trends;
    private final Salaries salaries;
    private final Listing listing;

    OfferIndex(int offers, Map<String, long[]> byMetier, long[] available, Map<String, Map<String, Place>> byPlace,
               Ranking regions, Ranking departements, Towns towns, Map<String, Criterion> criteria, byte[] weekdayCreated,
               Trends trends, Salaries salaries, Listing listing) {
        this.offers = offers;
        this.all = new long[(offers + 63) >>> 6];
        Arrays.fill(all, -1L);
        if (offers % 64 != 0) {
            all[all.length - 1] = (1L << offers) - 1; // no bit beyond the last offer
        }
        this.byMetier = byMetier;
        this.available = available;
        this.byPlace = byPlace;
        this.regions = regions;
        this.departements = departements;
        this.towns = towns;
        this.criteria = criteria;
        this.weekdayCreated = weekdayCreated;
        this.trends = trends;
        this.salaries = salaries;
        this.listing = listing;
    }

    public int offers() {
        return offers;
    }

    /**
     * Step of the query routes (the {@code index} step of api-query): the rows of the request's endpoint for the
     * filters in the body (the statement's named parameters), from the index that {@link ApiCache#lookup} chose.
     */
    @SuppressWarnings("unchecked")
    public static void answerRows(Exchange exchange) {
        OfferIndex index = exchange.getProperty(ApiCache.INDEX, OfferIndex.class);
        String endpoint = exchange.getProperty(ApiFilters.ENDPOINT, String.class);
        exchange.getMessage().setBody(index.rows(endpoint, exchange.getMessage().getBody(Map.class)));
    }

    /**
     * The rows the endpoint's SQL statement would return for these named parameters (those of
     * {@link Filters#sqlParameters()}), with the same column labels, value types and order.
     */
    public List<Map<String, Object>> rows(String endpoint, Map<String, Object> parameters) {
        if (endpoint.equals("tendances")) { // its statement counts every extraction: offres_dispo_only does not apply
            Map<String, Object> everyExtraction = new HashMap<>(parameters);
            everyExtraction.put("offres_dispo_only", false);
            return trends(matching(everyExtraction));
        }
        long[] matching = matching(parameters);
        return switch (endpoint) {
            case "total-offres" -> List.of(row("total", (long) count(matching)));
            case "classement-region" -> ranking(regions, matching);
            case "classement-departement" -> ranking(departements, matching);
            case "classement-ville" -> towns(matching);
            case "offres-par-jour-creation" -> weekdays(matching);
            case "salaires" -> salaries(and(matching, salaries.withContract()));
            case "salaires-tranches" -> brackets(and(matching, salaries.withContract()));
            case "liste-offres" -> latest(matching, LISTED, false);
            case "plusieurs-offres" -> latest(matching, LISTED_WITH_DETAILS, true);
            default -> {
                Criterion criterion = criteria.get(endpoint);
                if (criterion == null) {
                    throw new IllegalArgumentException("the index does not answer " + endpoint);
                }
                yield criterion(criterion, matching);
            }
        };
    }

    /** The offers the filters keep, as a bitmap (bit i of word i/64 set = offer i kept). */
    private long[] matching(Map<String, Object> parameters) {
        long[] kept = all.clone();
        for (String place : PLACES) {
            String[] codes = (String[]) parameters.get(place);
            if (codes != null) {
                long[] any = new long[kept.length];
                for (String code : codes) {
                    Place offersThere = byPlace.get(place).get(code);
                    if (offersThere != null) {
                        offersThere.addTo(any);
                    }
                }
                and(kept, any);
            }
        }
        Object metier = parameters.get("metier_data");
        if (metier != null) {
            and(kept, byMetier.getOrDefault(metier.toString(), new long[kept.length]));
        }
        if (Boolean.TRUE.equals(parameters.get("offres_dispo_only"))) {
            and(kept, available);
        }
        return kept;
    }

    private static long[] and(long[] kept, long[] other) {
        for (int w = 0; w < kept.length; w++) {
            kept[w] &= other[w];
        }
        return kept;
    }

    private static int count(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    /** Calls {@code action} with each offer of the bitmap, in increasing order. */
    private static void forEach(long[] bits, java.util.function.IntConsumer action) {
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                action.accept((w << 6) + Long.numberOfTrailingZeros(word));
                word &= word - 1;
            }
        }
    }

    /** competences.sql and the others: count(*) per line, sorted by classe, count descending, then line order. */
    private static List<Map<String, Object>> criterion(Criterion criterion, long[] matching) {
        int[] counts = new int[criterion.classe().length];
        forEach(matching, offer -> {
            for (int j = criterion.start()[offer]; j < criterion.start()[offer + 1]; j++) {
                counts[criterion.line()[j]]++;
            }
        });
        List<Integer> lines = counted(counts);
        lines.sort(Comparator.<Integer>comparingInt(g -> criterion.classe()[g])
                .thenComparing(g -> -counts[g]).thenComparing(g -> g));
        List<Map<String, Object>> rows = new ArrayList<>(lines.size());
        for (int g : lines) {
            Map<String, Object> row = row(criterion.countLabel(), (long) counts[g]);
            for (int c = 0; c < criterion.labels().length; c++) {
                row.put(criterion.labels()[c], criterion.columns()[g][c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * tendances.sql: for each day and each métier of the matching offers that have a last extraction date, the
     * offers first written on or before that day and last extracted on or after it, and those first written that
     * day (an offer without a first-written date starts on its last extraction).
     */
    private List<Map<String, Object>> trends(long[] matching) {
        int days = trends.days().length;
        int metiers = trends.metiers().length;
        long[][] arrivals = new long[metiers][days + 1];
        long[][] departures = new long[metiers][days + 1];
        boolean[] present = new boolean[metiers];
        forEach(matching, offer -> {
            int first = trends.first()[offer];
            if (first >= 0) {
                int metier = trends.metier()[offer];
                present[metier] = true;
                arrivals[metier][first]++;
                departures[metier][trends.last()[offer] + 1]++; // gone from the day after its last extraction
            }
        });
        long[] available = new long[metiers];
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            for (int metier = 0; metier < metiers; metier++) {
                available[metier] += arrivals[metier][day] - departures[metier][day];
                if (present[metier]) {
                    Map<String, Object> row = row("date_extraction", trends.days()[day]);
                    row.put("metier_data", trends.metiers()[metier]);
                    row.put("nb_offres_dispo", available[metier]);
                    row.put("nb_offres_nouvelles", arrivals[metier][day]);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * salaires.sql: per métier (the order of tendances' métiers, NULL last), the offers, those with a yearly salary,
     * those whose salary text was not read, and the quartiles of the yearly salaries (percentile_disc).
     */
    private List<Map<String, Object>> salaries(long[] matching) {
        int metiers = trends.metiers().length;
        long[] offersOf = new long[metiers];
        long[] unreadOf = new long[metiers];
        forEach(matching, offer -> offersOf[trends.metier()[offer]]++);
        forEach(and(matching.clone(), salaries.unread()), offer -> unreadOf[trends.metier()[offer]]++);
        int[][] sorted = sortedByMetier(matching, salaries.salary());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int metier = 0; metier < metiers; metier++) {
            if (offersOf[metier] > 0) {
                Map<String, Object> row = row("metier_data", trends.metiers()[metier]);
                row.put("nb_offres", offersOf[metier]);
                row.put("nb_salaires", (long) sorted[metier].length);
                row.put("nb_textes_non_lus", unreadOf[metier]);
                row.put("premier_quartile", percentile(sorted[metier], 0.25));
                row.put("mediane", percentile(sorted[metier], 0.5));
                row.put("troisieme_quartile", percentile(sorted[metier], 0.75));
                rows.add(row);
            }
        }
        return rows;
    }

    /** salaires-tranches.sql: per métier then bracket, the offers with a yearly salary in it. */
    private List<Map<String, Object>> brackets(long[] matching) {
        int[][] sorted = sortedByMetier(matching, salaries.bracket());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int metier = 0; metier < sorted.length; metier++) {
            int[] brackets = sorted[metier];
            for (int from = 0, to; from < brackets.length; from = to) {
                to = from;
                while (to < brackets.length && brackets[to] == brackets[from]) {
                    to++;
                }
                Map<String, Object> row = row("metier_data", trends.metiers()[metier]);
                row.put("tranche", brackets[from]);
                row.put("nb_offres", (long) (to - from));
                rows.add(row);
            }
        }
        return rows;
    }

    /** The values of the matching offers that have one ({@link Salaries#NONE} otherwise), by métier, sorted. */
    private int[][] sortedByMetier(long[] matching, int[] values) {
        int metiers = trends.metiers().length;
        int[] sizes = new int[metiers];
        forEach(matching, offer -> {
            if (values[offer] != Salaries.NONE) {
                sizes[trends.metier()[offer]]++;
            }
        });
        int[][] byMetier = new int[metiers][];
        for (int metier = 0; metier < metiers; metier++) {
            byMetier[metier] = new int[sizes[metier]];
        }
        int[] filled = new int[metiers];
        forEach(matching, offer -> {
            if (values[offer] != Salaries.NONE) {
                int metier = trends.metier()[offer];
                byMetier[metier][filled[metier]++] = values[offer];
            }
        });
        for (int[] metierValues : byMetier) {
            Arrays.sort(metierValues);
        }
        return byMetier;
    }

    /** percentile_disc: the first value whose position in the order reaches the fraction; NULL without values. */
    private static Integer percentile(int[] sorted, double fraction) {
        return sorted.length == 0 ? null : sorted[Math.max(1, (int) Math.ceil(fraction * sorted.length)) - 1];
    }

    /** liste-offres.sql, plusieurs-offres.sql (with details): the first matching offers from the most recent. */
    private List<Map<String, Object>> latest(long[] matching, int limit, boolean details) {
        List<Map<String, Object>> rows = new ArrayList<>(limit);
        for (int r = 0; r < listing.byRecency().length && rows.size() < limit; r++) {
            int offer = listing.byRecency()[r];
            if ((matching[offer >>> 6] & (1L << offer)) != 0) {
                Map<String, Object> row = row("offre_id", listing.ids()[offer]);
                row.put("intitule_offre", listing.titles()[offer]);
                if (details) {
                    row.put("date_creation", listing.created()[offer]);
                    row.put("date_actualisation", listing.updated()[offer]);
                    row.put("experience_libelle", listing.experiences()[offer]);
                    row.put("nom_ville", listing.towns()[offer]);
                    row.put("nom_region", listing.regions()[offer]);
                } else {
                    row.put("metier_data", trends.metiers()[trends.metier()[offer]]);
                    row.put("date_creation", listing.created()[offer]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** offres-par-jour-creation.sql: the seven days, Monday first, offers without a creation date not counted. */
    private List<Map<String, Object>> weekdays(long[] matching) {
        long[] counts = new long[WEEKDAYS.size() + 1];
        forEach(matching, offer -> counts[weekdayCreated[offer]]++);
        List<Map<String, Object>> rows = new ArrayList<>(WEEKDAYS.size());
        for (int day = 1; day <= WEEKDAYS.size(); day++) {
            Map<String, Object> row = row("jour", day);
            row.put("nom_jour", WEEKDAYS.get(day - 1));
            row.put("nb_offres", counts[day]);
            rows.add(row);
        }
        return rows;
    }

    /** classement-region.sql, classement-departement.sql: count per (code, name), ties by name then code (the line order). */
    private static List<Map<String, Object>> ranking(Ranking ranking, long[] matching) {
        int[] counts = new int[ranking.codes().length];
        int[] total = new int[1];
        forEach(matching, offer -> {
            total[0]++;
            if (ranking.line()[offer] >= 0) {
                counts[ranking.line()[offer]]++;
            }
        });
        List<Integer> lines = counted(counts);
        lines.sort(Comparator.<Integer>comparingInt(g -> -counts[g]).thenComparing(g -> g));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int g : lines.subList(0, Math.min(RANKING_LINES, lines.size()))) {
            Map<String, Object> row = row("nb_offres", (long) counts[g]);
            row.put("total", (long) total[0]);
            row.put(ranking.codeLabel(), ranking.codes()[g]);
            row.put(ranking.nameLabel(), ranking.names()[g]);
            rows.add(row);
        }
        return rows;
    }

    /** classement-ville.sql: count per INSEE code with the smallest names, ties by that name then code. */
    private List<Map<String, Object>> towns(long[] matching) {
        int lines = towns.codes().length;
        int[] counts = new int[lines];
        int[] name = new int[lines];
        int[] department = new int[lines];
        Arrays.fill(name, Integer.MAX_VALUE);
        Arrays.fill(department, Integer.MAX_VALUE);
        int[] total = new int[1];
        forEach(matching, offer -> {
            total[0]++;
            int g = towns.line()[offer];
            if (g >= 0) {
                counts[g]++;
                name[g] = Math.min(name[g], towns.nameRank()[offer]);
                department[g] = Math.min(department[g], towns.departmentRank()[offer]);
            }
        });
        List<Integer> counted = counted(counts);
        counted.sort(Comparator.<Integer>comparingInt(g -> -counts[g]).thenComparing(g -> name[g]).thenComparing(g -> g));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int g : counted.subList(0, Math.min(RANKING_LINES, counted.size()))) {
            Map<String, Object> row = row("nb_offres", (long) counts[g]);
            row.put("total", (long) total[0]);
            row.put("code_insee", towns.codes()[g]);
            row.put("nom", towns.namesByRank()[name[g]]);
            row.put("nom_departement", towns.departmentsByRank()[department[g]]);
            rows.add(row);
        }
        return rows;
    }

    private static List<Integer> counted(int[] counts) {
        List<Integer> lines = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] > 0) {
                lines.add(g);
            }
        }
        return lines;
    }

    private static Map<String, Object> row(String label, Object value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(label, value);
        return row;
    }
}
