package fr.jobmarket.harvest;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.jobmarket.history.JsonArrayFiles;
import fr.jobmarket.history.OfferHistory;
import fr.jobmarket.warehouse.LoadReport;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The history steps of the undo of a run (route api-admin-harvest-undo, DELETE /admin/harvests/{id}): the history
 * is locked and checked before the warehouse is reloaded from the restored file, and the restored file becomes
 * current only once the warehouse has it, as a harvest's merge does.
 */
public final class RunUndo {

    private static final Logger LOG = LoggerFactory.getLogger(RunUndo.class);
    /** Exchange property: the row of sql/harvest/select-undo-target.sql. */
    public static final String TARGET = "undoTarget";
    /** Exchange property: the {@link OfferHistory.PendingRestore}. */
    static final String PENDING = "pendingRestore";

    private final OfferHistory history;

    public RunUndo(OfferHistory history) {
        this.history = history;
    }

    /** Locks the history and checks that its current file is the undone run's (or, asked again, the restored one). */
    public OfferHistory.PendingRestore prepare(@ExchangeProperty(TARGET) Map<String, Object> target) throws IOException {
        return history.prepareRestore((String) target.get("history_file"), (String) target.get("restored_history_file"));
    }

    /**
     * The warehouse has the restored history: it becomes current. What the undo did goes into the header
     * {@code counts} for the run's record, and becomes the body.
     */
    public Map<String, Object> commit(@ExchangeProperty(TARGET) Map<String, Object> target,
                                      @ExchangeProperty(PENDING) OfferHistory.PendingRestore pending,
                                      @ExchangeProperty("warehouseReport") LoadReport warehouse, Message message)
            throws IOException {
        Path restored = pending.commit();
        Map<String, Object> undo = new LinkedHashMap<>();
        undo.put("restored_file", restored.getFileName().toString());
        undo.put("extraction_date", String.valueOf(target.get("restored_extraction_date")));
        undo.put("undone_at", Instant.now().toString());
        undo.put("warehouse", warehouse.asMap());
        try {
            message.setHeader("counts", JsonArrayFiles.MAPPER.writeValueAsString(Map.of("undo", undo)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the undo's counts: " + e.getMessage(), e);
        }
        LOG.info("Harvest run {} undone: the history is {} again, the warehouse was reloaded from it ({} offers)",
                target.get("id"), restored.getFileName(), warehouse.offersStaged());
        return undo;
    }

    /** Whatever the outcome: the history's lock is released (without a commit nothing changed). */
    public void release(@ExchangeProperty(PENDING) OfferHistory.PendingRestore pending) throws IOException {
        if (pending != null) {
            pending.close();
        }
    }
}
