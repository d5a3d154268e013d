package fr.jobmarket.warehouse;

import fr.jobmarket.config.SqlFiles;
import fr.jobmarket.warehouse.LoadReport.TableCounts;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies the filled staging tables to the warehouse in ONE transaction: readers see the previous load
 * until the commit, then all of this one; any failure rolls everything back. Only set-based statements
 * run here (the parsing, classification and COPY happened before), which keeps the transaction short.
 */
final class WarehouseApply {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseApply.class);

    /** What a statement's result means for the report. */
    private enum Effect { UPSERTED, INSERTED, UPDATED, DELETED, NONE }

    private record Step(String table, String sql, Effect effect) {
    }

    static final List<String> ONE_TO_ONE = List.of("offreemploi", "contrat", "entreprise", "localisation", "descriptionoffre");
    static final List<String> DIMENSIONS = List.of("competence", "formation", "qualiteprofessionnelle", "langue",
            "permisconduire", "experience");
    static final List<String> JUNCTIONS = List.of("competence", "formation", "qualiteprofessionnelle", "langue",
            "permisconduire", "experience", "qualification");

    private static final List<Step> STEPS = steps();
    /**
     * The undo of a run reloads the restored history in full: its offers are deleted and inserted again as that
     * history has them, and the dimension rows no offer uses any more go, so the warehouse is what it was.
     */
    private static final List<Step> RESTORE_STEPS = restoreSteps();
    /**
     * The first load into an empty warehouse: without the foreign keys' per-row checks, which cost more than the
     * inserts; the keys come back, checked in one pass each, before the commit (first_load_foreign_keys_drop.sql).
     */
    private static final List<Step> FIRST_LOAD_STEPS = firstLoadSteps();

    private WarehouseApply() {
    }

    private static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(null, "apply_work_mem", Effect.NONE));
        steps.add(new Step(null, "apply_hash_joins", Effect.NONE));
        // reclassified offers first: this load's own offers are then overwritten by their update
        steps.add(new Step("descriptionoffre", "descriptionoffre_reclassify", Effect.UPDATED));
        for (String table : ONE_TO_ONE) {
            steps.add(new Step(table, table + "_update", Effect.UPDATED));
            steps.add(new Step(table, table + "_insert_new", Effect.INSERTED));
        }
        for (String dimension : DIMENSIONS) {
            steps.add(new Step(dimension, dimension + "_insert_new", Effect.INSERTED));
        }
        steps.add(new Step("qualification", "qualification_upsert", Effect.UPSERTED));
        for (String dimension : JUNCTIONS) {
            steps.add(new Step("offre_" + dimension, "staging_lien_" + dimension, Effect.NONE));
        }
        steps.add(new Step(null, "staging_lien_analyze", Effect.NONE));
        for (String dimension : JUNCTIONS) {
            String junction = "offre_" + dimension;
            // the offer's rows end as its latest extraction's complete set, all with that date; a pair seen
            // again is re-dated in place (no foreign-key check), not deleted and inserted again
            steps.add(new Step(junction, junction + "_delete_vanished", Effect.DELETED));
            steps.add(new Step(junction, junction + "_redate", Effect.UPDATED));
            steps.add(new Step(junction, junction + "_insert", Effect.INSERTED));
        }
        return List.copyOf(steps);
    }

    private static List<Step> restoreSteps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("offreemploi", "restore_offre_delete", Effect.DELETED));
        steps.addAll(STEPS);
        steps.add(new Step("qualification", "restore_dimensions_delete_unused", Effect.DELETED));
        return List.copyOf(steps);
    }

    private static List<Step> firstLoadSteps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(null, "first_load_foreign_keys_drop", Effect.NONE));
        steps.addAll(STEPS);
        steps.add(new Step(null, "first_load_foreign_keys_add", Effect.NONE));
        return List.copyOf(steps);
    }

    /**
     * Runs every step on {@code connection} in one transaction, records {@code fingerprint} as the
     * classification of every offer, and commits; {@code restore}: the steps of an undo ({@link #RESTORE_STEPS});
     * {@code firstLoad}: the warehouse holds no offer ({@link #FIRST_LOAD_STEPS}).
     * @return counts per warehouse table
     */
    static Map<String, TableCounts> apply(Connection connection, String fingerprint, boolean restore, boolean firstLoad)
            throws SQLException {
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Step step : restore ? RESTORE_STEPS : firstLoad ? FIRST_LOAD_STEPS : STEPS) {
                TableCounts result = run(connection, step);
                if (step.table() != null && step.effect() != Effect.NONE) {
                    counts.merge(step.table(), result, TableCounts::plus);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(sql("classification_state_write"))) {
                statement.setString(1, fingerprint);
                statement.executeUpdate();
            }
            connection.commit();
            return counts;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static TableCounts run(Connection connection, Step step) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(sql(step.sql()))) {
            if (step.effect() == Effect.UPSERTED) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    LOG.debug("{}: {} ms", step.sql(), (System.nanoTime() - started) / 1_000_000);
                    return new TableCounts(rows.getLong("inserted"), rows.getLong("updated"), 0);
                }
            }
            long changed = statement.executeLargeUpdate();
            LOG.debug("{}: {} rows in {} ms", step.sql(), changed, (System.nanoTime() - started) / 1_000_000);
            return switch (step.effect()) {
                case INSERTED -> new TableCounts(changed, 0, 0);
                case UPDATED -> new TableCounts(0, changed, 0);
                case DELETED -> new TableCounts(0, 0, changed);
                default -> new TableCounts(0, 0, 0);
            };
        } catch (SQLException e) {
            throw new SQLException("Applying " + (step.table() == null ? "the load" : "table " + step.table())
                    + " failed (sql/warehouse/" + step.sql() + ".sql): " + describe(e), e.getSQLState(), e);
        }
    }

    /** The statement of {@code sql/warehouse/<name>.sql}. */
    static String sql(String name) {
        return SqlFiles.load("warehouse/" + name + ".sql");
    }

    /** PostgreSQL's message with its detail, which names the offending row (and so the offer id) when known. */
    static String describe(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            StringBuilder text = new StringBuilder(String.valueOf(server.getMessage()));
            if (server.getDetail() != null) {
                text.append(" (").append(server.getDetail()).append(')');
            }
            if (server.getWhere() != null) {
                text.append(" [").append(server.getWhere()).append(']');
            }
            return text.toString();
        }
        return e.getMessage();
    }
}
