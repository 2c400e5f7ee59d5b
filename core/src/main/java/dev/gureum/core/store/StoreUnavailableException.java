package dev.gureum.core.store;

/**
 * The store could not make a write durable (an I/O failure such as a full disk) or could not open its
 * data directory. Nothing of the failed batch is visible; the caller may retry, and a server should
 * answer with a "service unavailable" error rather than an internal one.
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
