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
import java.util.Base64;

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
        return verdict(value.substring(7).strip());
    }

    /**
     * The bearer token, or Basic credentials whose password is the token (any user name): Jolokia clients such as
     * Hawtio can only send Basic credentials.
     */
    public Verdict checkCredentials(String authorization) {
        if (authorization == null || !authorization.strip().regionMatches(true, 0, "Basic ", 0, 6)) {
            return check(authorization);
        }
        String userAndPassword;
        try {
            userAndPassword = new String(Base64.getDecoder().decode(authorization.strip().substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Verdict.WRONG;
        }
        int colon = userAndPassword.indexOf(':');
        return colon < 0 ? Verdict.WRONG : verdict(userAndPassword.substring(colon + 1));
    }

    private Verdict verdict(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    /** For routes: throws a 401 (no bearer token) or 403 (wrong token) problem unless the request may write. */
    public void authorize(Exchange exchange) {
        if (!isAdmin(exchange)) {
            throw new ApiProblem(401, "Authentification requise",
                    "Cette opération demande l'en-tête 'Authorization: Bearer <jeton administrateur>'.");
        }
    }

    /**
     * For reads that show the admin more: true with the admin token, false without a token; a wrong token is a
     * 403 problem, as for the writes.
     */
    public boolean isAdmin(Exchange exchange) {
        return switch (check(exchange.getMessage().getHeader("Authorization", String.class))) {
            case MISSING -> false;
            case WRONG -> throw new ApiProblem(403, "Accès refusé", "Le jeton administrateur fourni est incorrect.");
            case ACCEPTED -> true;
        };
    }
}
