package fr.jobmarket.warehouse;

/** A warehouse load that failed; the warehouse tables are as they were before it. */
public final class WarehouseLoadException extends RuntimeException {

    public WarehouseLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
