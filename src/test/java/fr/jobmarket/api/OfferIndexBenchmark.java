package fr.jobmarket.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory index alone, without HTTP or Camel: the time to build it from a warehouse (a running instance's
 * database, e.g. the one scripts/bench-api-mix.sh loads) and the median time of its counts for a few filters.
 * Usage (after mvn test-compile and dependency:build-classpath), as the role jobmarket whose password the driver reads
 * from the pgpass file the service writes:
 * PGPASSFILE=<data dir>/postgres.pgpass java -cp target/test-classes:target/classes:$(cat target/bench.classpath) fr.jobmarket.api.OfferIndexBenchmark jdbc-url
 */
public final class OfferIndexBenchmark {

    private static final int RUNS = 200;

    public static void main(String[] args) throws Exception {
        OfferIndex index = null;
        double[] builds = new double[3];
        for (int b = 0; b < builds.length; b++) {
            try (Connection connection = DriverManager.getConnection(args[0], "jobmarket", null)) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                long started = System.nanoTime();
                index = OfferIndexReader.read(connection);
                builds[b] = (System.nanoTime() - started) / 1e6;
                connection.rollback();
            }
        }
        System.out.printf("index of %,d offers built in %.0f ms, then %.0f ms and %.0f ms (JIT warm)%n",
                index.offers(), builds[0], builds[1], builds[2]);
        Map<String, Filters> filters = new LinkedHashMap<>();
        filters.put("unfiltered", Filters.NONE);
        filters.put("metier_data=DE", new Filters("DE", false, List.of(), List.of(), List.of(), List.of()));
        filters.put("offres_dispo_only, code_region=11", new Filters(null, true, List.of("11"), List.of(), List.of(), List.of()));
        filters.put("DA, dispo, region 84, departements 38 69", new Filters("DA", true, List.of("84"), List.of("38", "69"),
                List.of(), List.of()));
        for (Map.Entry<String, Filters> filter : filters.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-42s", filter.getKey()));
            for (String endpoint : List.of("total-offres", "competences", "experiences", "qualites-professionnelles",
                    "classement-ville")) {
                line.append(String.format("  %s %.3f ms", endpoint, median(index, endpoint, filter.getValue().sqlParameters())));
            }
            System.out.println(line);
        }
    }

    private static double median(OfferIndex index, String endpoint, Map<String, Object> parameters) {
        double[] times = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            index.rows(endpoint, parameters);
            times[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return times[RUNS / 2];
    }

    private OfferIndexBenchmark() {
    }
}
