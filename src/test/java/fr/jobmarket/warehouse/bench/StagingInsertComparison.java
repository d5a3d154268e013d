package fr.jobmarket.warehouse.bench;

import fr.jobmarket.config.Database;
import fr.jobmarket.config.Settings;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.warehouse.Classification;
import fr.jobmarket.warehouse.CopyText;
import fr.jobmarket.warehouse.OfferRows;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The figures behind the staging choice: the staging_offre rows of a history file written once with
 * camel-sql {@code batch=true} (1,000 rows per exchange, pgjdbc reWriteBatchedInserts on) and once with
 * COPY. Arguments: a history file (for example from WarehouseLoadBenchmark), a work directory.
 */
public final class StagingInsertComparison {

    private static final String[] COLUMNS = ("offre_id, date_extraction, date_premiere_ecriture, date_creation,"
            + " date_actualisation, nombre_postes, type_contrat, type_contrat_libelle, duree_travail_libelle,"
            + " duree_travail_libelle_converti, nature_contrat, salaire_libelle, salaire_complement_1, salaire_complement_2,"
            + " salaire_commentaire, alternance, deplacement_code, deplacement_libelle, temps_travail, condition_specifique,"
            + " nom_entreprise, description_entreprise, entreprise_adaptee, code_naf, secteur_activite_libelle, code_insee,"
            + " nom_commune, code_postal, nom_ville, code_departement, nom_departement, code_region, nom_region, lieu_cas,"
            + " intitule_offre, description_offre, nom_partenaire, rome_code, rome_libelle, appellation_rome,"
            + " difficile_a_pourvoir, accessible_travailleurs_handicapes, url_france_travail, metier_data, liste_mots_cles,"
            + " experience_libelle, experience_code_exigence, experience_commentaire, qualification_code,"
            + " qualification_libelle, date_lien").split(", ");

    private StagingInsertComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path history = Path.of(args[0]);
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of(args[1])), "data");
        Settings settings = Settings.load(Map.of(), new Properties(),
                Map.of("jobmarket.data.dir", work.toString(), "jobmarket.db.embedded-port", "0"));
        Classification classification = Classification.of(settings);
        List<List<Object>> rows = new ArrayList<>();
        JsonArrayFiles.forEach(history, offer -> rows.add(OfferRows.of(offer, LocalDate.now(), classification).offre()));
        try (Database database = Database.open(settings)) {
            truncate(database);
            long camel = camelSqlBatch(database, rows);
            truncate(database);
            long copy = copy(database, rows);
            System.out.printf("staging_offre, %d rows: camel-sql batch=true %d ms, COPY %d ms%n", rows.size(), camel, copy);
        }
    }

    private static long camelSqlBatch(Database database, List<List<Object>> rows) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO staging_offre (").append(String.join(", ", COLUMNS)).append(") VALUES (");
        for (int i = 0; i < COLUMNS.length; i++) {
            sql.append(i > 0 ? ", " : "").append(":#").append(COLUMNS[i]);
        }
        sql.append(')');
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("ds", database.dataSource());
            camel.start();
            ProducerTemplate producer = camel.createProducerTemplate();
            String uri = "sql:" + sql + "?batch=true&dataSource=#ds";
            long started = System.nanoTime();
            List<Map<String, Object>> batch = new ArrayList<>();
            for (List<Object> row : rows) {
                Map<String, Object> values = new HashMap<>();
                for (int i = 0; i < COLUMNS.length; i++) {
                    values.put(COLUMNS[i], row.get(i));
                }
                batch.add(values);
                if (batch.size() == 1_000) {
                    producer.sendBody(uri, batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                producer.sendBody(uri, batch);
            }
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static long copy(Database database, List<List<Object>> rows) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = database.dataSource().getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY staging_offre (" + String.join(", ", COLUMNS) + ") FROM STDIN");
            StringBuilder text = new StringBuilder();
            for (List<Object> row : rows) {
                CopyText.appendLine(text, row);
                if (text.length() > 256 * 1024) {
                    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    text.setLength(0);
                }
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void truncate(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE staging_offre");
        }
    }
}
