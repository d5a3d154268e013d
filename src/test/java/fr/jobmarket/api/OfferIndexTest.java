package fr.jobmarket.api;

import fr.jobmarket.config.SqlFiles;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index answers exactly what the SQL statements answer: on a generated warehouse (offers without a
 * description or a location, unknown places, a commune spelt two ways, labels that only the collation orders,
 * ties everywhere, junction rows repeated over dates, keywords that only the collation orders, offers without a
 * creation date or without a métier), every endpoint the index serves is compared, row by row
 * and column by column (labels, order, Java types), with its sql/api/ statement for many random filter
 * combinations.
 */
class OfferIndexTest {

    private static final long SEED = 20250724L;
    private static final int OFFERS = 1_500;
    private static final int COMBINATIONS = 120;
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":#(\\w+)");
    private static final String[] PLACE_ROWS = {
            // code_insee, nom_commune, code_postal, nom_ville, code_departement, nom_departement, code_region, nom_region
            "75108|Paris 8e Arrondissement|75008|Paris|75|Paris|11|Île-de-France",
            "75101|Paris 1er Arrondissement|75001|Paris|75|Paris|11|Île-de-France",
            "91228|Évry-Courcouronnes|91000|Évry|91|Essonne|11|Île-de-France",
            "91228|Evry-Courcouronnes|91080|Évry|91|Essonne|11|Île-de-France",
            "92050|Nanterre|92000|Nanterre|92|Hauts-de-Seine|11|Île-de-France",
            "69381|Lyon 1er Arrondissement|69001|Lyon|69|Rhône|84|Auvergne-Rhône-Alpes",
            "69123||69000|Lyon|69|Rhône|84|Auvergne-Rhône-Alpes",
            "38185|Grenoble|38000|Grenoble|38|Isère|84|Auvergne-Rhône-Alpes",
            "38563|saint-Égrève|38120|Saint-Égrève|38|Isère|84|Auvergne-Rhône-Alpes",
            "38382|Saint-Égrève (bis)|38120|Saint-Égrève|38|isère|84|Auvergne-Rhône-Alpes",
            "33063|Bordeaux|33000|Bordeaux|33|Gironde|75|Nouvelle-Aquitaine",
            "31555|Toulouse|31000|Toulouse|31|Haute-Garonne|76|Occitanie",
            "34172|Montpellier|34000|Montpellier|34|Hérault|76|Occitanie",
            "44109|Nantes|44000|Nantes|44|Loire-Atlantique|52|Pays de la Loire",
            "59350|Lille|59000|Lille|59|Nord|32|Hauts-de-France",
            "67482|Strasbourg|67000|Strasbourg|67|Bas-Rhin|44|Grand Est",
            "13055|Marseille||Marseille|13|Bouches-du-Rhône|93|Provence-Alpes-Côte d'Azur",
            "06088|Nice|06000|Nice|06|Alpes-Maritimes|93|Provence-Alpes-Côte d'Azur",
            "35238|Rennes|35000|Rennes|35|Ille-et-Vilaine|53|Bretagne",
            "29019|Brest|29200|Brest|29|Finistère|53|Bretagne",
            "21231|Dijon|21000|Dijon|21|Côte-d'Or|27|Bourgogne-Franche-Comté",
            "25056|Besançon|25000|Besançon|25|Doubs|27|Bourgogne-Franche-Comté",
            "45234|Orléans|45000|Orléans|45|Loiret|24|Centre-Val de Loire",
            "37261|Tours|37000|Tours|37|Indre-et-Loire|24|Centre-Val de Loire",
            "76540|Rouen|76000|Rouen|76|Seine-Maritime|28|Normandie",
            "14118|Caen|14000|Caen|14|Calvados|28|Normandie",
            "57463|Metz|57000|Metz|57|Moselle|44|Grand Est",
            "54395|Nancy|54000|Nancy|54|Meurthe-et-Moselle|44|Grand Est",
            "51454|Reims|51100|Reims|51|Marne|44|Grand Est",
            "80021|Amiens|80000|Amiens|80|Somme|32|Hauts-de-France",
            "63113|Clermont-Ferrand|63000|Clermont-Ferrand|63|Puy-de-Dôme|84|Auvergne-Rhône-Alpes",
            "87085|Limoges|87000|Limoges|87|Haute-Vienne|75|Nouvelle-Aquitaine",
            "86194|Poitiers|86000|Poitiers|86|Vienne|75|Nouvelle-Aquitaine",
            "49007|Angers|49000|Angers|49|Maine-et-Loire|52|Pays de la Loire",
            "72181|Le Mans|72000|Le Mans|72|Sarthe|52|Pays de la Loire",
            "2A004|Ajaccio|20000|Ajaccio|2A|Corse-du-Sud|94|Corse",
            "|||Paris|75|Paris|11|Île-de-France",
            "||||92|Hauts-de-Seine|11|Île-de-France",
            "||||||84|",
            "|||||||",
    };
    private static final String[] LABELS = {"Python", "python", "SQL", "Sql avancé", "Éthique", "etl", "ETL", "Scala",
            "Anglais technique", "anglais", "Gestion de projet", "gestion  de projet", "R", "Ça va", "Zèle", "zèle", "Œuvre",
            "A-B", "A B", "AB", "Spark\tavec tabulation", "Données", "données", "1er niveau", "10e niveau", "2e niveau"};

    private static OfferIndex index;

    @BeforeAll
    static void generateAWarehouseAndIndexIt() throws SQLException {
        TestDatabase.truncateAll();
        Random random = new Random(SEED);
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            insertDimensions(connection, random);
            insertOffers(connection, random);
            connection.commit();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            index = OfferIndexReader.read(connection);
            connection.rollback();
        }
    }

    @Test
    void answersEveryEndpointLikeItsSqlStatementForRandomFilters() throws SQLException {
        Random random = new Random(SEED + 1);
        List<Filters> combinations = new ArrayList<>(List.of(Filters.NONE,
                new Filters(null, true, List.of(), List.of(), List.of(), List.of()),
                new Filters("DE", false, List.of("11", "84"), List.of(), List.of(), List.of()),
                new Filters(null, false, List.of("99"), List.of(), List.of(), List.of()),
                new Filters(Filters.NO_METIER, true, List.of(), List.of(), List.of(), List.of())));
        while (combinations.size() < COMBINATIONS) {
            combinations.add(randomFilters(random));
        }
        int compared = 0;
        try (Connection connection = TestDatabase.dataSource().getConnection()) {
            for (Filters filters : combinations) {
                for (String endpoint : OfferIndex.ENDPOINTS) {
                    List<Map<String, Object>> expected = sqlRows(connection, endpoint, filters);
                    List<Map<String, Object>> actual = index.rows(endpoint, filters.sqlParameters());
                    assertThat(ordered(actual)).as(endpoint + " " + filters).isEqualTo(ordered(expected));
                    compared += expected.size();
                }
            }
        }
        assertThat(compared).as("rows compared").isGreaterThan(5_000);
        assertThat(index.offers()).as("offers with a description and a location").isLessThan(OFFERS).isGreaterThan(OFFERS * 9 / 10);
    }

    @Test
    void countsEachJunctionRowLikeCountStar() throws SQLException {
        long junctionRows;
        try (Connection connection = TestDatabase.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     SELECT count(*) FROM offre_competence j JOIN descriptionoffre USING (offre_id) JOIN localisation USING (offre_id)""");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            junctionRows = rows.getLong(1);
        }
        long counted = index.rows("competences", Filters.NONE.sqlParameters()).stream()
                .mapToLong(row -> (Long) row.get("nb_occurences")).sum();
        assertThat(counted).isEqualTo(junctionRows);
    }

    private static Filters randomFilters(Random random) {
        String[] metiers = {null, "DE", "DA", "DS", Filters.NO_METIER};
        return new Filters(metiers[random.nextInt(metiers.length)], random.nextBoolean(),
                codes(random, 6), codes(random, 4), codes(random, 2), codes(random, 0));
    }

    /** Absent half of the time, else 1 to 4 codes of the generated places (column given) or unknown to the data. */
    private static List<String> codes(Random random, int column) {
        if (random.nextInt(3) > 0) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            String code = PLACE_ROWS[random.nextInt(PLACE_ROWS.length)].split("\\|", -1)[column];
            codes.add(code.isEmpty() || random.nextInt(10) == 0 ? "00000".substring(0, Math.max(2, code.length())) : code);
        }
        return codes.stream().distinct().sorted().toList();
    }

    /** The endpoint's own statement, its named parameters bound from the filters as the sql: endpoint binds them. */
    private static List<Map<String, Object>> sqlRows(Connection connection, String endpoint, Filters filters) throws SQLException {
        String sql = SqlFiles.load("api/" + endpoint + ".sql");
        List<String> names = new ArrayList<>();
        Matcher matcher = NAMED_PARAMETER.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        Map<String, Object> parameters = filters.sqlParameters();
        try (PreparedStatement statement = connection.prepareStatement(matcher.replaceAll("?"))) {
            for (int p = 0; p < names.size(); p++) {
                Object value = parameters.get(names.get(p));
                if (value instanceof String[] codes) {
                    statement.setArray(p + 1, connection.createArrayOf("text", codes));
                } else if (value == null) {
                    statement.setNull(p + 1, names.get(p).startsWith("code_") ? Types.ARRAY : Types.VARCHAR);
                } else {
                    statement.setObject(p + 1, value);
                }
            }
            List<Map<String, Object>> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), rows.getObject(c));
                    }
                    result.add(row);
                }
            }
            return result;
        }
    }

    /** Rows as lists of entries: the column order matters too (the criteria tables print the values in order). */
    private static List<List<Map.Entry<String, Object>>> ordered(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> List.copyOf(row.entrySet())).toList();
    }

    private static void insertDimensions(Connection connection, Random random) throws SQLException {
        String[] exigences = {"E", "S", null};
        try (PreparedStatement competence = connection.prepareStatement(
                "INSERT INTO competence (competence_code, competence_libelle, competence_code_exigence) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int n = 0; n < 80; n++) {
                competence.setObject(1, n % 9 == 0 ? null : 100 + random.nextInt(12), Types.INTEGER);
                competence.setString(2, n % 17 == 0 ? null : LABELS[random.nextInt(LABELS.length)]);
                competence.setString(3, exigences[random.nextInt(3)]);
                competence.executeUpdate();
            }
        }
        String[] experienceExigences = {"D", "S", "E", null};
        try (PreparedStatement experience = connection.prepareStatement(
                "INSERT INTO experience (experience_libelle, experience_code_exigence, experience_commentaire) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int n = 0; n < 20; n++) {
                experience.setString(1, n % 3 + " An(s)");
                experience.setString(2, experienceExigences[random.nextInt(4)]);
                experience.setString(3, random.nextInt(3) == 0 ? null : LABELS[random.nextInt(LABELS.length)]);
                experience.executeUpdate();
            }
        }
        try (PreparedStatement quality = connection.prepareStatement(
                "INSERT INTO qualiteprofessionnelle (qualite_professionnelle_libelle, qualite_professionnelle_description) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (int n = 0; n < 30; n++) {
                quality.setString(1, n == 7 ? null : LABELS[random.nextInt(LABELS.length)]);
                quality.setString(2, "Description " + random.nextInt(4));
                quality.executeUpdate();
            }
        }
        try (PreparedStatement qualification = connection.prepareStatement(
                "INSERT INTO qualification (qualification_code, qualification_libelle) VALUES (?, ?)")) {
            for (int code = 1; code <= 10; code++) {
                qualification.setInt(1, code);
                qualification.setString(2, code == 10 ? null : LABELS[random.nextInt(6)]);
                qualification.executeUpdate();
            }
        }
        try (PreparedStatement formation = connection.prepareStatement("""
                INSERT INTO formation (formation_code, formation_domaine_libelle, formation_niveau_libelle, formation_commentaire,
                                       formation_code_exigence) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int n = 0; n < 25; n++) {
                formation.setObject(1, random.nextInt(5) == 0 ? null : 31000 + random.nextInt(4), Types.INTEGER);
                formation.setString(2, LABELS[random.nextInt(LABELS.length)]);
                formation.setString(3, random.nextInt(4) == 0 ? null : LABELS[20 + random.nextInt(6)]);
                formation.setString(4, random.nextBoolean() ? null : "ou équivalent");
                formation.setString(5, exigences[random.nextInt(3)]);
                formation.executeUpdate();
            }
        }
        for (String table : List.of("permisconduire (permis_libelle, permis_code_exigence)", "langue (langue_libelle, langue_code_exigence)")) {
            try (PreparedStatement dimension = connection.prepareStatement(
                    "INSERT INTO " + table + " VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                for (int n = 0; n < 12; n++) {
                    dimension.setString(1, LABELS[random.nextInt(LABELS.length)]);
                    dimension.setString(2, exigences[random.nextInt(3)]);
                    dimension.executeUpdate();
                }
            }
        }
    }

    private static void insertOffers(Connection connection, Random random) throws SQLException {
        LocalDate latest = LocalDate.of(2025, 7, 24);
        String[] metiers = {null, null, "DE", "DA", "DS"};
        try (PreparedStatement offer = connection.prepareStatement("""
                INSERT INTO offreemploi (offre_id, date_extraction, date_creation, date_premiere_ecriture, date_actualisation)
                VALUES (?, ?, ?, ?, ?)""");
             PreparedStatement description = connection.prepareStatement(
                     "INSERT INTO descriptionoffre (offre_id, intitule_offre, metier_data, liste_mots_cles) VALUES (?, ?, ?, ?)");
             PreparedStatement contract = connection.prepareStatement(
                     "INSERT INTO contrat (offre_id, salaire_libelle, alternance) VALUES (?, ?, ?)");
             PreparedStatement place = connection.prepareStatement("""
                     INSERT INTO localisation (offre_id, code_insee, nom_commune, code_postal, nom_ville, code_departement,
                                               nom_departement, code_region, nom_region) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int n = 0; n < OFFERS; n++) {
                String id = String.format("T%06d", n);
                LocalDate extraction = random.nextInt(50) == 0 ? null : latest.minusDays(random.nextInt(3));
                offer.setString(1, id);
                offer.setObject(2, extraction);
                offer.setObject(3, random.nextInt(20) == 0 ? null : latest.minusDays(random.nextInt(60)), Types.DATE);
                // first written up to 9 days before the last extraction, a few never (null) or, inconsistently, after it
                offer.setObject(4, random.nextInt(15) == 0 ? null
                        : (extraction == null ? latest : extraction).minusDays(random.nextInt(12) - 2), Types.DATE);
                offer.setObject(5, random.nextInt(10) == 0 ? null : latest.minusDays(random.nextInt(30)), Types.DATE);
                offer.executeUpdate();
                if (random.nextInt(40) > 0) {
                    description.setString(1, id);
                    description.setString(2, random.nextInt(10) == 0 ? null : LABELS[random.nextInt(LABELS.length)]);
                    description.setString(3, metiers[random.nextInt(metiers.length)]);
                    description.setArray(4, random.nextInt(10) == 0 ? null : connection.createArrayOf("text", keywords(random)));
                    description.executeUpdate();
                }
                if (random.nextInt(20) > 0) { // salaries: read, not read, absent, work-study (not read either)
                    contract.setString(1, id);
                    contract.setString(2, salaryText(random));
                    contract.setBoolean(3, random.nextInt(15) == 0);
                    contract.executeUpdate();
                }
                if (random.nextInt(40) > 0) {
                    // a few places take most offers, as Paris and Lyon do, so that rankings have long tails and ties
                    String[] values = PLACE_ROWS[random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(PLACE_ROWS.length)]
                            .split("\\|", -1);
                    place.setString(1, id);
                    for (int c = 0; c < 8; c++) {
                        place.setString(c + 2, values[c].isEmpty() ? null : values[c]);
                    }
                    place.executeUpdate();
                }
                LocalDate linked = extraction == null ? latest : extraction;
                link(connection, random, "offre_competence", id, 80, 6, linked);
                link(connection, random, "offre_experience", id, 20, 1, linked);
                link(connection, random, "offre_qualiteprofessionnelle", id, 30, 3, linked);
                link(connection, random, "offre_qualification", id, 10, 1, linked);
                link(connection, random, "offre_formation", id, 25, 2, linked);
                link(connection, random, "offre_permisconduire", id, 12, 1, linked);
                link(connection, random, "offre_langue", id, 12, 2, linked);
            }
        }
    }

    /** A salary text as France Travail writes them: yearly or monthly amounts or ranges, with ties, or unreadable. */
    private static String salaryText(Random random) {
        int amount = 20_000 + 1_000 * random.nextInt(50);
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> random.nextBoolean() ? "Selon profil" : "Horaire de 11.88 Euros sur 151.67 heures";
            case 2 -> "Mensuel de " + amount / 12 + ".0 Euros sur 12.0 mois";
            case 3 -> "Annuel de " + amount + ",00 Euros à " + (amount + 1_000 * random.nextInt(12)) + ",00 Euros";
            default -> "Annuel de " + amount + ".0 Euros sur 12.0 mois";
        };
    }

    /** 0 to 5 distinct keywords, as the load writes them (each once), among labels that only the collation orders. */
    private static String[] keywords(Random random) {
        List<String> keywords = new ArrayList<>();
        for (int n = random.nextInt(6); n > 0; n--) {
            keywords.add(LABELS[random.nextInt(LABELS.length)]);
        }
        return keywords.stream().distinct().toArray(String[]::new);
    }

    /**
     * Up to {@code most} junction rows to dimension rows 1..{@code rows} (ids that do not exist are skipped), one
     * in ten repeated at an earlier date as a reload leaves it.
     */
    private static void link(Connection connection, Random random, String junction, String offer, int rows, int most,
                             LocalDate date) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + junction
                + " SELECT ?, d.id, ? FROM (SELECT ? AS id) d WHERE EXISTS (SELECT 1 FROM " + dimension(junction)
                + " WHERE " + key(junction) + " = d.id) ON CONFLICT DO NOTHING")) {
            for (int n = random.nextInt(most + 1); n > 0; n--) {
                int id = 1 + random.nextInt(rows);
                statement.setString(1, offer);
                statement.setObject(2, date);
                statement.setInt(3, id);
                statement.addBatch();
                if (random.nextInt(10) == 0) {
                    statement.setString(1, offer);
                    statement.setObject(2, date.minusDays(7));
                    statement.setInt(3, id);
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private static String dimension(String junction) {
        return junction.substring("offre_".length());
    }

    private static String key(String junction) {
        return switch (junction) {
            case "offre_competence" -> "competence_id";
            case "offre_experience" -> "experience_id";
            case "offre_qualiteprofessionnelle" -> "qualite_professionnelle_id";
            case "offre_qualification" -> "qualification_code";
            case "offre_formation" -> "formation_id";
            case "offre_permisconduire" -> "permis_id";
            default -> "langue_id";
        };
    }
}
