package fr.jobmarket.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import fr.jobmarket.harvest.RunUndo;
import org.apache.camel.Exchange;
import org.apache.camel.component.sql.SqlConstants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/harvest} (admin token) starts a harvest and answers 202 with the run's id, 409 when one
 * is running; {@code GET /admin/harvests} and {@code GET /admin/harvests/{id}} show the run records;
 * {@code DELETE /admin/harvests/{id}} (admin token) undoes the latest successful run. A run's error is shown in
 * full with the admin token, without file paths, exchange ids or Java package names for anyone else (the full text
 * is in the log). The
 * steps of the admin routes (routes/api.camel.yaml): the run itself is started by {@code direct:harvest-trigger},
 * the records are read by {@code sql:} endpoints (sql/harvest/).
 */
public final class HarvestEndpoints {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 500;

    /**
     * A URL (group 1, kept as it is), or an absolute file path: a slash that does not continue a word or another
     * path, then its segments.
     */
    private static final Pattern URL_OR_PATH = Pattern.compile("([a-z][a-z0-9+.-]*://\\S*)|(?<![\\w.~:/-])(?:/[^\\s/:;,'\"()<>\\[\\]]+)+/?");
    /** Camel's "Exchange[id]" and "on the exchange: Exchange[id]", and bare exchange ids. */
    private static final Pattern EXCHANGE = Pattern.compile("\\s*(?:on the exchange:\\s*)?Exchange\\[[^\\]]*]|\\s*\\b[0-9A-F]{15}-[0-9A-F]{16}\\b");
    /** A Java class name with its package ({@code java.nio.file.NoSuchFileException}). */
    private static final Pattern QUALIFIED_CLASS = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*)");
    static final String DETAILS_WITH_TOKEN = " (détails avec le jeton administrateur)";

    private final AdminToken adminToken;

    public HarvestEndpoints(AdminToken adminToken) {
        this.adminToken = adminToken;
    }
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
        boolean admin = adminToken.isAdmin(exchange);
        return Answer.json(SqlRows.of(exchange).stream().map(row -> describe(row, admin)).toList());
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
        return Answer.json(describe(rows.get(0), adminToken.isAdmin(exchange)));
    }

    /**
     * {@code DELETE /admin/harvests/{id}}: the row of sql/harvest/select-undo-target.sql (the body) says whether the
     * run can be undone; 404 for an unknown run, 409 for a run that is not the latest success, for the first success
     * (no earlier history to restore) and while a run or an undo is in progress. The row becomes the exchange
     * property {@link RunUndo#TARGET}.
     */
    @SuppressWarnings("unchecked")
    public void undoable(Exchange exchange) {
        Map<String, Object> target = exchange.getMessage().getBody(Map.class);
        Object id = exchange.getMessage().getHeader(ID);
        if (target == null) {
            throw ApiProblem.notFound("La récolte " + id + " n'existe pas.");
        }
        if (!"SUCCEEDED".equals(target.get("status")) || !Boolean.TRUE.equals(target.get("latest_success"))) {
            throw conflict("La récolte " + id + " (" + target.get("status") + ") n'est pas la dernière récolte réussie :"
                    + " seule celle-ci peut être annulée.");
        }
        if (target.get("busy_run") != null) {
            throw conflict("La récolte " + target.get("busy_run") + " est en cours (récolte ou annulation) :"
                    + " l'annulation attend qu'elle se termine.");
        }
        if (target.get("restored_history_file") == null || target.get("history_file") == null) {
            throw conflict("La récolte " + id + " est la première récolte réussie : il n'y a pas d'historique antérieur"
                    + " à restaurer.");
        }
        exchange.setProperty(RunUndo.TARGET, target);
        exchange.getMessage().setBody(null);
    }

    /** After sql/harvest/claim-undo.sql: 409 when another request changed the runs since the check. */
    public void claimed(Exchange exchange) {
        Integer updated = exchange.getMessage().getHeader(SqlConstants.SQL_UPDATE_COUNT, Integer.class);
        if (updated == null || updated != 1) {
            throw conflict("La récolte " + exchange.getMessage().getHeader(ID) + " n'est plus la dernière récolte réussie.");
        }
    }

    /** 200 with what the undo restored (the body). */
    public Answer undone(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", exchange.getMessage().getHeader(ID));
        body.put("status", "UNDONE");
        body.putAll(exchange.getMessage().getBody(Map.class));
        return Answer.json(body);
    }

    private static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflit", detail);
    }

    /** A row of sql/harvest/select-run(s).sql as the answers show it: counts as a JSON object. */
    static Map<String, Object> describe(Map<String, Object> row, boolean admin) {
        Map<String, Object> body = new LinkedHashMap<>(row);
        try {
            body.put("counts", Responder.JSON.readTree((String) row.get("counts")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("harvest run " + row.get("id") + ": unreadable counts: " + e.getMessage(), e);
        }
        String error = (String) row.get("error");
        body.put("error", admin || error == null ? error : withoutInternals(error));
        return body;
    }

    /**
     * A run's error as anyone may read it: each file path cut to its last name, Camel exchange ids removed, Java
     * class names without their package; when something was taken out, a note says the admin token shows it.
     */
    static String withoutInternals(String error) {
        String shown = URL_OR_PATH.matcher(error).replaceAll(found -> Matcher.quoteReplacement(
                found.group(1) != null ? found.group() : "…/" + lastName(found.group())));
        shown = EXCHANGE.matcher(shown).replaceAll("");
        shown = QUALIFIED_CLASS.matcher(shown).replaceAll("$1");
        return shown.equals(error) ? error : shown + DETAILS_WITH_TOKEN;
    }

    private static String lastName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
