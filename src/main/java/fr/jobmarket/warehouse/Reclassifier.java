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
 * When the classification changed since the last successful load (first load, another
 * {@code jobmarket.classification.mode}, new rules: {@link Classification#fingerprint()}), metier_data and
 * liste_mots_cles are recomputed for the offers that are not in the load: they are streamed from the
 * warehouse, classified in Java, and the changed ones staged for the apply transaction. Runs after
 * staging_offre is filled, before the transaction, so the transaction only applies the differences.
 * The offers of the load are always classified from their current title and description (OfferRows).
 */
final class Reclassifier {

    private static final int FETCH_SIZE = 500;

    private Reclassifier() {
    }

    /**
     * @param rechecked offers outside the load whose class and keywords were recomputed
     * @param changed   those whose class or keywords change
     */
    record Result(long rechecked, long changed) {
        static final Result NONE = new Result(0, 0);
    }

    static Result stageChanges(DataSource dataSource, Classification classification) throws SQLException {
        long rechecked = 0;
        long changed = 0;
        try (Staging staging = new Staging(dataSource, List.of("staging_classification"));
             Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // a cursor: rows arrive FETCH_SIZE at a time, never all in memory
            try (PreparedStatement read = connection.prepareStatement(WarehouseApply.sql("descriptionoffre_classification_read"))) {
                read.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        rechecked++;
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
        return new Result(rechecked, changed);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
