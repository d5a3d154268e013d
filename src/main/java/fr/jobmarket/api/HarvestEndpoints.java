package fr.jobmarket.api;

import fr.jobmarket.api.Responder.Answer;
import fr.jobmarket.harvest.HarvestRun;
import fr.jobmarket.harvest.HarvestRuns;
import org.apache.camel.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/harvest} (admin token) starts a harvest and answers 202 with the run's id, 409 when one
 * is running; {@code GET /admin/harvests} and {@code GET /admin/harvests/{id}} show the run records: a run's error
 * in full with the admin token, without file paths, exchange ids or Java package names for anyone else (the full
 * text is in the log). The steps of the admin routes (routes/api.camel.yaml): the run itself is started by
 * {@code direct:harvest-trigger}.
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

    private final HarvestRuns runs;
    private final AdminToken adminToken;

    public HarvestEndpoints(HarvestRuns runs, AdminToken adminToken) {
        this.runs = runs;
        this.adminToken = adminToken;
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
        boolean admin = adminToken.isAdmin(exchange);
        return Answer.json(runs.list(size).stream().map(run -> describe(run, admin)).toList());
    }

    public Answer one(Exchange exchange) {
        String id = exchange.getMessage().getHeader("id", String.class);
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("L'identifiant de récolte doit être un entier, reçu '" + id + "'.");
        }
        boolean admin = adminToken.isAdmin(exchange);
        return runs.find(number).map(run -> Answer.json(describe(run, admin)))
                .orElseThrow(() -> ApiProblem.notFound("La récolte " + number + " n'existe pas."));
    }

    static Map<String, Object> describe(HarvestRuns.Run run, boolean admin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", run.id());
        body.put("trigger", run.trigger());
        body.put("status", run.status().name());
        body.put("extraction_date", run.extractionDate().toString());
        body.put("started_at", run.startedAt().toString());
        body.put("finished_at", run.finishedAt() == null ? null : run.finishedAt().toString());
        body.put("counts", run.counts());
        body.put("error", admin || run.error() == null ? run.error() : withoutInternals(run.error()));
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
