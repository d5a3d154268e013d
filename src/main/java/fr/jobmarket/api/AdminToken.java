package fr.jobmarket.api;

import fr.jobmarket.config.SecretFile;
import fr.jobmarket.config.Settings;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The bearer token that protects every write (fake offers, deletions, {@code POST /admin/harvest}).
 * Taken from {@code jobmarket.admin.token}; without it, generated on first start into
 * {@code <data dir>/admin-token} (owner-only file, 32 random bytes, URL-safe base64) and reused afterwards.
 * The log says where the token is, never what it is.
 */
public final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    public static final String FILE_NAME = "admin-token";

    public enum Verdict { MISSING, WRONG, ACCEPTED }

    private final byte[] token;

    private AdminToken(byte[] token) {
        this.token = token;
    }

    /** Bean constructor for the route files: {@code constructors: {0: "#bean:settings"}}. */
    public AdminToken(Settings settings) {
        this(resolve(settings).getBytes(StandardCharsets.UTF_8));
    }

    public static AdminToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        return new AdminToken(token.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static String resolve(Settings settings) {
        if (settings.isSet("jobmarket.admin.token")) {
            LOG.info("Admin token: taken from the setting jobmarket.admin.token (JOBMARKET_ADMIN_TOKEN)");
            return settings.text("jobmarket.admin.token");
        }
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            LOG.info(Files.exists(file) ? "Admin token: read from {}" : "Admin token: generated into {} (readable by its owner only)",
                    file);
            return SecretFile.readOrGenerate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the admin token file " + file + " (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): fix it, or set jobmarket.admin.token (JOBMARKET_ADMIN_TOKEN).", e);
        }
    }

    /** Compares in constant time, so the answer's delay tells nothing about how much of a guess was right. */
    public Verdict check(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Verdict.MISSING;
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Verdict.MISSING;
        }
        byte[] given = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** For routes: throws a 401 (no bearer token) or 403 (wrong token) problem unless the request may write. */
    public void authorize(Exchange exchange) {
        switch (check(exchange.getMessage().getHeader("Authorization", String.class))) {
            case MISSING -> throw new ApiProblem(401, "Authentification requise",
                    "Cette opération demande l'en-tête 'Authorization: Bearer <jeton administrateur>'.");
            case WRONG -> throw new ApiProblem(403, "Accès refusé", "Le jeton administrateur fourni est incorrect.");
            case ACCEPTED -> { }
        }
    }
}
