package fr.jobmarket.warehouse;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * metier_data and liste_mots_cles are recomputed for every offer at every load (so that a change of
 * rules or of {@code jobmarket.classification.mode} reaches offers that are not in the load): the offers
 * outside the load are streamed from the warehouse, classified in Java, and the changed ones staged for
 * the apply transaction. Runs after staging_offre is filled, before the transaction, so the transaction
 * only applies the differences.
 */
final class Reclassifier {

    private static final int FETCH_SIZE = 500;

    private Reclassifier() {
    }

    /** @return offers whose class or keywords change */
    static long stageChanges(DataSource dataSource, Classification classification) throws SQLException {
        long changed = 0;
        try (Staging staging = new Staging(dataSource, List.of("staging_classification"));
             Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor: rows arrive FETCH_SIZE at a time, never all in memory
            try (PreparedStatement read = connection.prepareStatement(WarehouseApply.sql("descriptionoffre_classification_read"))) {
                read.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        String metierData = classification.metierData(rows.getString(2));
                        List<String> keywords = classification.keywords(rows.getString(3), metierData);
                        List<String> stored = list(rows.getArray(5));
                        List<String> computed = keywords == null || keywords.isEmpty() ? null : keywords;
                        if (!Objects.equals(metierData, rows.getString(4)) || !Objects.equals(computed, stored)) {
                            staging.add("staging_classification", Arrays.asList(rows.getString(1), metierData, computed));
                            changed++;
                        }
                    }
                }
            } finally {
                connection.rollback();
            }
            staging.finish();
        }
        return changed;
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
