import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prototype of the design the query API did not take, kept to measure it against the in-memory index: partial
 * aggregates written at load time, one row per (métier, availability, location) cell and criterion value, so that
 * a filtered count is a sum over the matching cells (exact: an offer has one location). Prints the time to build
 * them (what the load's transaction would pay) and the median time of a few queries, beside the API's own
 * statement for the same filters. Everything is created in temporary tables and rolled back.
 * Usage (as the role jobmarket, its password from the pgpass file the service writes):
 * PGPASSFILE=<data dir>/postgres.pgpass java -cp target/jobmarket.jar scripts/PartialAggregatesPrototype.java jdbc:postgresql://127.0.0.1:PORT/jobmarket
 */
public class PartialAggregatesPrototype {

    private static final int RUNS = 15;

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "jobmarket", null);
             Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            sql.execute("""
                    CREATE TEMP TABLE proto_offre ON COMMIT DROP AS
                    SELECT o.offre_id, dense_rank() OVER (ORDER BY d.metier_data, o.date_extraction = m.latest,
                               l.code_region, l.code_departement, l.code_postal, l.code_insee) AS cellule,
                           d.metier_data, coalesce(o.date_extraction = m.latest, false) AS disponible,
                           l.code_region, l.code_departement, l.code_postal, l.code_insee
                      FROM offreemploi o JOIN descriptionoffre d USING (offre_id) JOIN localisation l USING (offre_id),
                           (SELECT max(date_extraction) AS latest FROM offreemploi) m""");
            sql.execute("""
                    CREATE TEMP TABLE proto_cellule ON COMMIT DROP AS
                    SELECT cellule, metier_data, disponible, code_region, code_departement, code_postal, code_insee, count(*) AS offres
                      FROM proto_offre GROUP BY 1, 2, 3, 4, 5, 6, 7""");
            for (String criterion : new String[]{"competence", "experience", "qualiteprofessionnelle"}) {
                String id = criterion.equals("qualiteprofessionnelle") ? "qualite_professionnelle_id" : criterion + "_id";
                sql.execute("CREATE TEMP TABLE proto_" + criterion + " ON COMMIT DROP AS SELECT p.cellule, j." + id
                        + " AS dimension_id, count(*) AS n FROM offre_" + criterion + " j JOIN proto_offre p USING (offre_id) GROUP BY 1, 2");
            }
            double buildMs = (System.nanoTime() - started) / 1e6;
            System.out.printf("partial aggregates built in %.0f ms: %s%n", buildMs, sizes(sql));
            sql.execute("ANALYZE proto_cellule; ANALYZE proto_competence");

            // label -> the cells' condition, and the same filters as api_offres_filtrees arguments
            Map<String, String[]> filters = new LinkedHashMap<>();
            filters.put("unfiltered", new String[]{"true", "NULL, false, NULL, NULL, NULL, NULL"});
            filters.put("metier_data=DE", new String[]{"c.metier_data = 'DE'", "'DE', false, NULL, NULL, NULL, NULL"});
            filters.put("code_region=11", new String[]{"c.code_region = '11'", "NULL, false, ARRAY['11'], NULL, NULL, NULL"});
            filters.put("DA, available, region 84, departements 69 and 38", new String[]{
                    "c.metier_data = 'DA' AND c.disponible AND c.code_region = '84' AND c.code_departement IN ('69', '38')",
                    "'DA', true, ARRAY['84'], ARRAY['69', '38'], NULL, NULL"});
            for (Map.Entry<String, String[]> filter : filters.entrySet()) {
                String where = filter.getValue()[0];
                double partial = median(sql, """
                        SELECT sum(p.n) AS nb_occurences, k.competence_code, k.competence_libelle, k.competence_code_exigence
                          FROM proto_competence p JOIN proto_cellule c USING (cellule) JOIN competence k ON k.competence_id = p.dimension_id
                         WHERE %s
                         GROUP BY k.competence_code, k.competence_libelle, k.competence_code_exigence
                         ORDER BY k.competence_code_exigence, nb_occurences DESC, k.competence_code, k.competence_libelle""".formatted(where));
                double total = median(sql, "SELECT sum(c.offres) FROM proto_cellule c WHERE " + where);
                double statement = median(sql, """
                        SELECT count(*) AS nb_occurences, k.competence_code, k.competence_libelle, k.competence_code_exigence
                          FROM api_offres_filtrees(%s) f JOIN offre_competence j ON j.offre_id = f.offre_id
                          JOIN competence k ON k.competence_id = j.competence_id
                         GROUP BY k.competence_code, k.competence_libelle, k.competence_code_exigence
                         ORDER BY k.competence_code_exigence, nb_occurences DESC, k.competence_code, k.competence_libelle""".formatted(filter.getValue()[1]));
                System.out.printf("%-50s competences: partial aggregates %7.2f ms, API statement (sql/api/competences.sql) %7.2f ms; total_offres: %6.2f ms%n",
                        filter.getKey(), partial, statement, total);
            }
            connection.rollback();
        }
    }

    private static String sizes(Statement sql) throws Exception {
        StringBuilder out = new StringBuilder();
        for (String table : new String[]{"proto_cellule", "proto_competence", "proto_experience", "proto_qualiteprofessionnelle"}) {
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM " + table)) {
                rows.next();
                out.append(table).append(' ').append(rows.getLong(1)).append(" rows  ");
            }
        }
        return out.toString();
    }

    /** Median wall time of RUNS executions, rows read to the end. */
    private static double median(Statement sql, String query) throws Exception {
        double[] times = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            try (ResultSet rows = sql.executeQuery(query)) {
                while (rows.next()) {
                    rows.getObject(1);
                }
            }
            times[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }
}
