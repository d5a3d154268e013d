package fr.jobmarket.config;

/**
 * A start-up problem the user can fix: bad setting, unreachable database, port in use, unwritable
 * data directory. The message is the whole story (it names the setting); the application logs it on
 * one line and exits non-zero.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
