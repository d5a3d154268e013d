package fr.jobmarket.api;

import fr.jobmarket.config.SqlFiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link OfferIndex} from the warehouse with the statements of {@code sql/api/index/}: the offers
 * and their filter values, then each criterion's answer lines and junction rows. The caller runs it in one
 * read-only repeatable-read transaction, so the index is one consistent snapshot.
 */
final class OfferIndexReader {

    /** Rows fetched per round trip: the reads stream instead of holding a whole table in the driver. */
    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final Map<String, Integer> offerIds = new HashMap<>();

    private OfferIndexReader(Connection connection) {
        this.connection = connection;
    }

    static OfferIndex read(Connection connection) throws SQLException {
        return new OfferIndexReader(connection).read();
    }

    private OfferIndex read() throws SQLException {
        Map<LocalDate, Integer> dayIndex = new HashMap<>();
        List<String> days = new ArrayList<>();
        try (PreparedStatement statement = prepare("api/index/jours.sql"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                dayIndex.put(rows.getObject("jour", LocalDate.class), days.size());
                days.add(rows.getString("texte"));
            }
        }
        Ints firstDay = new Ints();
        Ints lastDay = new Ints();
        Ints metierLine = new Ints();
        Map<Integer, String> metierNames = new HashMap<>();
        Map<String, Ints> metier = new HashMap<>();
        Ints available = new Ints();
        Ints weekdays = new Ints();
        Map<String, Map<String, Ints>> places = new LinkedHashMap<>();
        OfferIndex.PLACES.forEach(place -> places.put(place, new HashMap<>()));
        Ints regionLine = new Ints();
        Ints departementLine = new Ints();
        Ints townLine = new Ints();
        Ints townName = new Ints();
        Ints townDepartment = new Ints();
        Map<Integer, String[]> regions = new HashMap<>();
        Map<Integer, String[]> departements = new HashMap<>();
        Map<Integer, String> towns = new HashMap<>();
        Map<Integer, String> townNames = new HashMap<>();
        Map<Integer, String> departmentNames = new HashMap<>();
        Ints withContract = new Ints();
        Ints salary = new Ints();
        Ints bracket = new Ints();
        Ints unreadSalary = new Ints();
        Ints recency = new Ints();
        List<String> titles = new ArrayList<>();
        List<Object> created = new ArrayList<>();
        List<Object> updated = new ArrayList<>();
        List<String> listedTowns = new ArrayList<>();
        List<String> regionNames = new ArrayList<>();
        Map<String, String> shared = new HashMap<>(); // one copy of each town, region and experience name
        try (PreparedStatement statement = prepare("api/index/offres.sql"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int offer = offerIds.size();
                offerIds.put(rows.getString("offre_id"), offer);
                String metierData = rows.getString("metier_data");
                metier.computeIfAbsent(metierData == null ? Filters.NO_METIER : metierData, m -> new Ints()).add(offer);
                weekdays.add(rows.getInt("jour_creation")); // 0 when null
                LocalDate last = rows.getObject("derniere", LocalDate.class);
                LocalDate first = rows.getObject("premiere", LocalDate.class);
                firstDay.add(last == null ? -1 : dayIndex.get(first == null ? last : first));
                lastDay.add(last == null ? -1 : dayIndex.get(last));
                metierLine.add(line(rows, "rang_metier", metierNames, metierData));
                if (rows.getBoolean("disponible")) {
                    available.add(offer);
                }
                for (String place : OfferIndex.PLACES) {
                    String code = rows.getString(place);
                    if (code != null) {
                        places.get(place).computeIfAbsent(code, c -> new Ints()).add(offer);
                    }
                }
                regionLine.add(line(rows, "rang_region", regions, new String[]{rows.getString("code_region"), rows.getString("nom_region")}));
                departementLine.add(line(rows, "rang_departement", departements,
                        new String[]{rows.getString("code_departement"), rows.getString("nom_departement")}));
                townLine.add(line(rows, "rang_insee", towns, rows.getString("code_insee")));
                townName.add(line(rows, "rang_nom_ville", townNames, rows.getString("nom_ville")));
                townDepartment.add(line(rows, "rang_nom_departement", departmentNames, rows.getString("nom_departement")));
                if (rows.getBoolean("a_contrat")) {
                    withContract.add(offer);
                }
                salary.add(orNone(rows, "salaire"));
                bracket.add(orNone(rows, "tranche"));
                if (rows.getBoolean("salaire_non_lu")) {
                    unreadSalary.add(offer);
                }
                recency.add(rows.getInt("rang_recent") - 1);
                titles.add(rows.getString("intitule_offre"));
                created.add(rows.getObject("date_creation"));
                updated.add(rows.getObject("date_actualisation"));
                listedTowns.add(shared(shared, rows.getString("ville")));
                regionNames.add(shared(shared, rows.getString("nom_region")));
            }
        }
        int offers = offerIds.size();
        Map<String, long[]> byMetier = new HashMap<>();
        metier.forEach((value, list) -> byMetier.put(value, bitmap(offers, list)));
        Map<String, Map<String, OfferIndex.Place>> byPlace = new HashMap<>();
        places.forEach((place, codes) -> {
            Map<String, OfferIndex.Place> lists = new HashMap<>();
            codes.forEach((code, list) -> lists.put(code, OfferIndex.Place.of(list.toArray(), offers)));
            byPlace.put(place, lists);
        });
        int[] byRecency = new int[offers];
        for (int offer = 0; offer < offers; offer++) {
            byRecency[recency.values[offer]] = offer;
        }
        String[] ids = new String[offers];
        offerIds.forEach((id, offer) -> ids[offer] = id);
        OfferIndex.Listing listing = new OfferIndex.Listing(byRecency, ids, titles.toArray(String[]::new), created.toArray(),
                updated.toArray(), experiences(offers, shared), listedTowns.toArray(String[]::new), regionNames.toArray(String[]::new));
        Map<String, OfferIndex.Criterion> criteria = new HashMap<>();
        for (String criterion : OfferIndex.CRITERIA) {
            criteria.put(criterion, criterion(criterion));
        }
        return new OfferIndex(offers, byMetier, bitmap(offers, available), byPlace,
                new OfferIndex.Ranking(regionLine.toArray(), column(regions, 0), column(regions, 1), "code_region", "nom_region"),
                new OfferIndex.Ranking(departementLine.toArray(), column(departements, 0), column(departements, 1),
                        "code_departement", "nom_departement"),
                new OfferIndex.Towns(townLine.toArray(), array(towns), townName.toArray(), array(townNames),
                        townDepartment.toArray(), array(departmentNames)),
                criteria, weekdayCodes(weekdays), new OfferIndex.Trends(days.toArray(String[]::new), firstDay.toArray(),
                        lastDay.toArray(), metierLine.toArray(), array(metierNames)),
                new OfferIndex.Salaries(bitmap(offers, withContract), salary.toArray(), bracket.toArray(),
                        bitmap(offers, unreadSalary)),
                listing);
    }

    /** plusieurs-offres.sql's experience of each offer (null without one). */
    private String[] experiences(int offers, Map<String, String> shared) throws SQLException {
        String[] experiences = new String[offers];
        try (PreparedStatement statement = prepare("api/index/experience-recente.sql"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Integer offer = offerIds.get(rows.getString("offre_id"));
                if (offer != null) {
                    experiences[offer] = shared(shared, rows.getString("experience_libelle"));
                }
            }
        }
        return experiences;
    }

    private static int orNone(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? OfferIndex.Salaries.NONE : value;
    }

    private static String shared(Map<String, String> shared, String text) {
        return text == null ? null : shared.computeIfAbsent(text, t -> t);
    }

    /** The 0-based line of a 1-based SQL rank column, -1 when null; remembers the line's value. */
    private static <T> int line(ResultSet rows, String rank, Map<Integer, T> values, T value) throws SQLException {
        int line = rows.getInt(rank) - 1;
        if (rows.wasNull()) {
            return -1;
        }
        values.putIfAbsent(line, value);
        return line;
    }

    /**
     * One criterion: its answer lines (sql/api/index/<name>.sql), then its junction rows (<name>-offres.sql), joined
     * on their dimension_id (a number, or the text of the line itself); offres-par-metier and mots-cles count offers.
     */
    private OfferIndex.Criterion criterion(String name) throws SQLException {
        Map<Object, Integer> lineOfDimension = new HashMap<>();
        Map<Integer, Integer> classes = new HashMap<>();
        Map<Integer, Object[]> columns = new HashMap<>();
        String[] labels;
        try (PreparedStatement statement = prepare("api/index/" + name + ".sql"); ResultSet rows = statement.executeQuery()) {
            ResultSetMetaData meta = rows.getMetaData();
            // dimension_id, classe, groupe, then the answer's columns
            labels = new String[meta.getColumnCount() - 3];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = meta.getColumnLabel(c + 4);
            }
            while (rows.next()) {
                int line = rows.getInt("groupe") - 1;
                lineOfDimension.put(rows.getObject("dimension_id"), line);
                classes.put(line, rows.getInt("classe"));
                Object[] values = new Object[labels.length];
                for (int c = 0; c < labels.length; c++) {
                    values[c] = rows.getObject(c + 4);
                }
                columns.putIfAbsent(line, values);
            }
        }
        Ints offerOfPair = new Ints();
        Ints lineOfPair = new Ints();
        try (PreparedStatement statement = prepare("api/index/" + name + "-offres.sql"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Integer offer = offerIds.get(rows.getString(1));
                if (offer != null) { // an offer without description or location is seen by no filter
                    offerOfPair.add(offer);
                    lineOfPair.add(lineOfDimension.get(rows.getObject(2)));
                }
            }
        }
        int lines = columns.size();
        int[] classe = new int[lines];
        Object[][] values = new Object[lines][];
        for (int g = 0; g < lines; g++) {
            classe[g] = classes.get(g);
            values[g] = columns.get(g);
        }
        int offers = offerIds.size();
        int[] start = new int[offers + 1];
        for (int p = 0; p < offerOfPair.size; p++) {
            start[offerOfPair.values[p] + 1]++;
        }
        for (int i = 0; i < offers; i++) {
            start[i + 1] += start[i];
        }
        int[] next = Arrays.copyOf(start, offers);
        int[] line = new int[offerOfPair.size];
        for (int p = 0; p < offerOfPair.size; p++) {
            line[next[offerOfPair.values[p]]++] = lineOfPair.values[p];
        }
        String countLabel = name.equals("offres-par-metier") || name.equals("mots-cles") ? "nb_offres" : "nb_occurences";
        return new OfferIndex.Criterion(start, line, classe, countLabel, labels, values);
    }

    private PreparedStatement prepare(String file) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(SqlFiles.load(file));
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }

    private static long[] bitmap(int offers, Ints list) {
        long[] bits = new long[(offers + 63) >>> 6];
        for (int i = 0; i < list.size; i++) {
            bits[list.values[i] >>> 6] |= 1L << list.values[i];
        }
        return bits;
    }

    private static byte[] weekdayCodes(Ints weekdays) {
        byte[] codes = new byte[weekdays.size];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) weekdays.values[i];
        }
        return codes;
    }

    private static String[] column(Map<Integer, String[]> lines, int column) {
        String[] values = new String[lines.size()];
        lines.forEach((line, pair) -> values[line] = pair[column]);
        return values;
    }

    private static String[] array(Map<Integer, String> lines) {
        String[] values = new String[lines.size()];
        lines.forEach((line, value) -> values[line] = value);
        return values;
    }

    /** A growing int array (no boxing for the hundreds of thousands of junction rows). */
    private static final class Ints {
        int[] values = new int[16];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
