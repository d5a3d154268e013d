package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /admin/harvest} (admin token) starts a harvest and answers 202 with the run's id, 409 when one
 * is running; {@code GET /admin/harvests} and {@code GET /admin/harvests/{id}} show the run records. The
 * steps of the admin routes (routes/api.camel.yaml): the run itself is started by {@code direct:harvest-trigger}.
 */
public final class HarvestEndpoints {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;

    private final HarvestRuns runs;

    public HarvestEndpoints(HarvestRuns runs) {
        this.runs = runs;
    }

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

    public Answer list(Exchange exchange) {
        String limit = Responder.request(exchange).query().single("limit");
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
        return Answer.json(runs.list(size).stream().map(HarvestEndpoints::describe).toList());
    }

    public Answer one(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("L'identifiant de récolte doit être un entier, reçu '" + id + "'.");
        }
        return runs.find(number).map(run -> Answer.json(describe(run)))
                .orElseThrow(() -> ApiProblem.notFound("La récolte " + number + " n'existe pas."));
    }

    static Map<String, Object> describe(HarvestRuns.Run run) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("trigger", run.trigger());
        body.put("status", run.status().name());
        body.put("extraction_date", run.extractionDate().toString());
        body.put("started_at", run.startedAt().toString());
        body.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        body.put("counts", run.counts());
        body.put("error", run.error());
        return body;
    }

}
