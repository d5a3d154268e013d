package fr.jobmarket.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/harvest} (admin token) starts a harvest and answers 202 with the run's id, 409 when one
 * is running; {@code GET /admin/harvests} and {@code GET /admin/harvests/{id}} show the run records. The
 * steps of the admin routes (routes/api.camel.yaml): the run itself is started by {@code direct:harvest-trigger},
 * the records are read by {@code sql:} endpoints (sql/harvest/).
 */
public final class HarvestEndpoints {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;
    /** Named parameters of sql/harvest/select-runs.sql and select-run.sql. */
    static final String LIMIT = "limit";
    static final String ID = "id";

    /** The headers {@code direct:harvest-trigger} reads: trigger (admin or replay) and extractionDate. */
    public void triggerHeaders(Exchange exchange) {
        QueryParameters query = Responder.request(exchange).query();
        String date = query.single("extraction_date");
        boolean replay = Filters.bool(query, "replay");
        exchange.getMessage().setHeader("trigger", replay ? "replay" : "admin");
        exchange.getMessage().setHeader("extractionDate", date == null ? "" : date);
    }

    /** 202 with the run the trigger recorded (the body). */
    public Answer started(Exchange exchange) {
        HarvestRun run = exchange.getMessage().getBody(HarvestRun.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("status", HarvestRuns.Status.RUNNING.name());
        body.put("trigger", run.trigger());
        body.put("extraction_date", run.extractionDate().toString());
        body.put("href", "/admin/harvests/" + run.id());
        return Answer.json(202, body);
    }

    /** The number of runs asked: 1 to 500, 20 by default. */
    public void limit(Exchange exchange) {
        String limit = Responder.request(exchange).query().single(LIMIT);
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ApiProblem.badRequest("Le paramètre 'limit' doit être un entier de 1 à " + MAX_LIMIT + ".");
            }
        }
        SqlRows.parameter(exchange, LIMIT, size);
    }

    public Answer list(Exchange exchange) {
        return Answer.json(SqlRows.of(exchange).stream().map(HarvestEndpoints::describe).toList());
    }

    /** The run id of the path, an integer. */
    public void runId(Exchange exchange) {
        String id = exchange.getMessage().getHeader(ID, String.class);
        try {
            SqlRows.parameter(exchange, ID, Long.parseLong(id));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("L'identifiant de récolte doit être un entier, reçu '" + id + "'.");
        }
    }

    /** The run read by its id; 404 when there is none. */
    public Answer one(Exchange exchange) {
        List<Map<String, Object>> rows = SqlRows.of(exchange);
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("La récolte " + exchange.getMessage().getHeader(ID) + " n'existe pas.");
        }
        return Answer.json(describe(rows.get(0)));
    }

    /** A row of sql/harvest/select-run(s).sql as the answers show it: counts as a JSON object. */
    static Map<String, Object> describe(Map<String, Object> row) {
        Map<String, Object> body = new LinkedHashMap<>(row);
        try {
            body.put("counts", Responder.JSON.readTree((String) row.get("counts")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("harvest run " + row.get("id") + ": unreadable counts: " + e.getMessage(), e);
        }
        return body;
    }
}
