package fr.jobmarket.sandbox;

import java.util.Map;

/** What a sandbox endpoint answers: status, response headers and body (null for 204). */
public record SandboxResponse(int status, Map<String, String> headers, String body) {

    static SandboxResponse json(int status, String body) {
        return new SandboxResponse(status, Map.of("Content-Type", "application/json;charset=UTF-8"), body);
    }
}
