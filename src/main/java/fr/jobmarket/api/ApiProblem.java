package fr.jobmarket.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An answer other than success, written as an RFC 7807 {@code application/problem+json} body whose
 * {@code detail} is the message a user reads (the original's French messages for its checks).
 */
public final class ApiProblem extends RuntimeException {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String title;

    public ApiProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "Paramètre invalide", detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Introuvable", detail);
    }

    /** The unexpected: nothing of it in the answer, everything in the log (the caller logs it). */
    public static ApiProblem internalError() {
        return new ApiProblem(500, "Erreur interne", "La requête n'a pas pu aboutir; l'erreur est dans le journal du serveur.");
    }

    public int status() {
        return status;
    }

    public String body(String instance) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        if (instance != null) {
            body.put("instance", instance);
        }
        return body.toString();
    }
}
