package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/harvest} (admin token) starts a harvest and answers 202 with the run's id, 409 when one
 * is running; {@code GET /admin/harvests} and {@code GET /admin/harvests/{id}} show the run records.
 */
public final class HarvestEndpoints {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;

    private final Responder responder;
    private final AdminToken adminToken;
    private final HarvestRuns runs;
    private final ProducerTemplate template;

    public HarvestEndpoints(ApiCache cache, AdminToken adminToken, HarvestRuns runs, ProducerTemplate template) {
        this.responder = new Responder(cache);
        this.adminToken = adminToken;
        this.runs = runs;
        this.template = template;
    }

    public void harvest(Exchange exchange) {
        responder.answer(exchange, request -> {
            adminToken.authorize(exchange);
            String date = request.query().single("extraction_date");
            boolean replay = Filters.bool(request.query(), "replay");
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put("trigger", replay ? "replay" : "admin");
            headers.put("extractionDate", date == null ? "" : date);
            HarvestRun run;
            try {
                run = template.requestBodyAndHeaders("direct:harvest-trigger", null, headers, HarvestRun.class);
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof HarvestRuns.AlreadyRunning) {
                    throw new ApiProblem(409, "Conflit", "Une récolte est déjà en cours : celle-ci n'est pas lancée.");
                }
                if (cause instanceof IllegalArgumentException) {
                    throw ApiProblem.badRequest("'extraction_date' : " + cause.getMessage());
                }
                throw e;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", run.id());
            body.put("status", HarvestRuns.Status.RUNNING.name());
            body.put("trigger", run.trigger());
            body.put("extraction_date", run.extractionDate().toString());
            body.put("href", "/admin/harvests/" + run.id());
            return new Answer(202, Responder.JSON_TYPE, Responder.json(body));
        });
    }

    public void list(Exchange exchange) {
        responder.answer(exchange, request -> {
            String limit = request.query().single("limit");
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
            List<Map<String, Object>> body = runs.list(size).stream().map(HarvestEndpoints::describe).toList();
            return new Answer(200, Responder.JSON_TYPE, Responder.json(body));
        });
    }

    public void one(Exchange exchange) {
        responder.answer(exchange, request -> {
            String id = exchange.getMessage().getHeader("id", String.class);
            long number;
            try {
                number = Long.parseLong(id);
            } catch (NumberFormatException e) {
                throw ApiProblem.badRequest("L'identifiant de récolte doit être un entier, reçu '" + id + "'.");
            }
            return runs.find(number)
                    .map(run -> new Answer(200, Responder.JSON_TYPE, Responder.json(describe(run))))
                    .orElseThrow(() -> ApiProblem.notFound("La récolte " + number + " n'existe pas."));
        });
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
