package fr.jobmarket.warehouse.bench;

import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.support.WarehouseRoutes;
import fr.jobmarket.warehouse.LoadReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;

/**
 * Warehouse load benchmark through the warehouse routes on an embedded PostgreSQL (scripts/bench-warehouse-load.sh):
 * <ol>
 *   <li>a history of {@code offers} offers (the last {@code daily} of them from the previous day's run,
 *       the others older) loaded into an empty warehouse;</li>
 *   <li>the next day: {@code daily} offers seen again (90 % of them from the previous run, one in ten of
 *       those with changed attributes, 10 % new), loaded incrementally into that warehouse;</li>
 *   <li>for comparison, the same history reloaded in full.</li>
 * </ol>
 * Arguments: work directory (deleted content is regenerated), offers (100000), daily (30000).
 */
public final class WarehouseLoadBenchmark {

    private static final LocalDate DAY_1 = LocalDate.parse("2025-07-20");
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);

    private WarehouseLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-warehouse").toAbsolutePath();
        int offers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int daily = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        Files.createDirectories(work);
        if (Boolean.getBoolean("bench.steps")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("fr.jobmarket.warehouse"))
                    .setLevel(ch.qos.logback.classic.Level.DEBUG);
        }
        Path day1 = work.resolve("history-day1.json");
        Path day2 = work.resolve("history-day2.json");
        long generation = System.nanoTime();
        writeDay1(day1, offers, daily);
        int newOffers = daily / 10;
        writeDay2(day2, offers, daily, newOffers);
        System.out.printf("generated %d + %d offers (%d MB, %d MB) in %d ms%n", offers, newOffers,
                Files.size(day1) >> 20, Files.size(day2) >> 20, (System.nanoTime() - generation) / 1_000_000);

        Path dataDir = Files.createTempDirectory(work, "data");
        Settings incremental = settings(dataDir, false);
        try (Database database = Database.open(incremental)) {
            try (WarehouseRoutes routes = WarehouseRoutes.start(database.dataSource(), incremental)) {
                LoadReport first = routes.load(day1, DAY_1);
                report("1. " + offers + " offers into an empty warehouse", first);
                LoadReport second = routes.load(day2, DAY_2);
                report("2. daily load of " + daily + " offers into a warehouse of " + offers, second);
            }
            try (WarehouseRoutes routes = WarehouseRoutes.start(database.dataSource(), settings(dataDir, true))) {
                LoadReport reload = routes.load(day2, DAY_2);
                report("3. full reload of the same " + (offers + newOffers) + " offers (nothing changes)", reload);
            }
        }
    }

    private static Settings settings(Path dataDir, boolean fullReload) {
        return Settings.load(Map.of(), new Properties(), Map.of("jobmarket.data.dir", dataDir.toString(),
                "jobmarket.db.embedded-port", "0", "jobmarket.warehouse.full-reload", Boolean.toString(fullReload)));
    }

    /** Offers 1..offers; the last {@code daily} were seen by the run of day 1, the others earlier. */
    private static void writeDay1(Path file, int offers, int daily) throws IOException {
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            for (int n = 1; n <= offers; n++) {
                LocalDate seen = n > offers - daily ? DAY_1 : DAY_1.minusDays(1 + n % 120);
                writer.write(SyntheticOffers.offer(n, seen.toString(), seen.minusDays(n % 30).toString(), 0));
            }
            writer.commit();
        }
    }

    /** Day 2: 90 % of day 1's offers seen again (one in ten changed), plus new ones; the rest unchanged. */
    private static void writeDay2(Path file, int offers, int daily, int newOffers) throws IOException {
        int seenAgainFrom = offers - daily + newOffers + 1;
        try (JsonArrayFiles.AtomicWriter writer = new JsonArrayFiles.AtomicWriter(file)) {
            for (int n = 1; n <= offers + newOffers; n++) {
                if (n > offers) {
                    writer.write(SyntheticOffers.offer(n, DAY_2.toString(), DAY_2.toString(), 0));
                } else if (n >= seenAgainFrom) {
                    String first = DAY_1.minusDays(n % 30).toString();
                    writer.write(SyntheticOffers.offer(n, DAY_2.toString(), first, n % 10 == 0 ? 1 : 0));
                } else {
                    LocalDate seen = n > offers - daily ? DAY_1 : DAY_1.minusDays(1 + n % 120);
                    writer.write(SyntheticOffers.offer(n, seen.toString(), seen.minusDays(n % 30).toString(), 0));
                }
            }
            writer.commit();
        }
    }

    private static void report(String title, LoadReport report) {
        System.out.printf("%s: %.1f s (%d read, %d loaded, %d skipped)%n   %s%n", title,
                report.duration().toMillis() / 1000.0, report.offersRead(), report.offersStaged(), report.offersSkipped(),
                report.tables());
    }
}
