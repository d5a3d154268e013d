package fr.jobmarket.francetravail;

/**
 * An appellation could not be harvested after its retries. The message names the appellation, the request,
 * the HTTP status (0 when no answer came) and the API's own message; it never holds the token or the secret.
 */
public class HarvestException extends RuntimeException {

    private final int status;

    public HarvestException(String message, int status) {
        super(message);
        this.status = status;
    }

    public HarvestException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The last HTTP status received, 0 when the server did not answer. */
    public int status() {
        return status;
    }
}
