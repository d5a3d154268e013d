package fr.jobmarket.warehouse;

import fr.jobmarket.config.Settings;
import fr.jobmarket.support.TestDatabase;
import fr.jobmarket.support.WarehouseRoutes;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Test helpers: loads on the shared test database and readable views of the warehouse tables. */
final class WarehouseTables {

    static final List<String> TABLES = List.of("offreemploi", "contrat", "entreprise", "localisation", "descriptionoffre",
            "competence", "offre_competence", "experience", "offre_experience", "formation", "offre_formation",
            "qualiteprofessionnelle", "offre_qualiteprofessionnelle", "qualification", "offre_qualification",
            "langue", "offre_langue", "permisconduire", "offre_permisconduire");

    private static final Map<String, WarehouseRoutes> ROUTES = new HashMap<>();

    private WarehouseTables() {
    }

    static Settings settings(boolean fullReload) {
        return Settings.load(Map.of(), new Properties(), Map.of("jobmarket.warehouse.full-reload", Boolean.toString(fullReload)));
    }

    /** A load through the warehouse routes; throws what the route threw. */
    static LoadReport load(Path history, String extractionDate, boolean fullReload) {
        return routes("full-reload " + fullReload, settings(fullReload)).load(history, LocalDate.parse(extractionDate));
    }

    /** An incremental load in classification mode {@code mode} ("original" or "improved"). */
    static LoadReport load(String resource, String extractionDate, String mode) {
        Settings settings = Settings.load(Map.of(), new Properties(), Map.of(ClassificationMode.SETTING, mode));
        return routes("mode " + mode, settings).load(resource(resource), LocalDate.parse(extractionDate));
    }

    /** One started set of warehouse routes per distinct settings, on the shared test database, for the test JVM. */
    private static synchronized WarehouseRoutes routes(String key, Settings settings) {
        return ROUTES.computeIfAbsent(key, k -> {
            WarehouseRoutes routes = WarehouseRoutes.start(TestDatabase.dataSource(), settings, false);
            Runtime.getRuntime().addShutdownHook(new Thread(routes::close, "warehouse-routes-closer"));
            return routes;
        });
    }

    static LoadReport load(String resource, String extractionDate) {
        return load(resource(resource), extractionDate, false);
    }

    static Path resource(String name) {
        try {
            return Path.of(WarehouseTables.class.getResource("/warehouse/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each row of the query as its columns joined by '|' (NULL shown as null). */
    static List<String> rows(String sql) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(rows.getString(i));
                }
                result.add(row.toString());
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Every row of every warehouse table, ids and values included, in a stable order. */
    static Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : TABLES) {
            dump.put(table, rows("SELECT t::text FROM " + table + " t ORDER BY t::text"));
        }
        return dump;
    }

    static void execute(String sql) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
