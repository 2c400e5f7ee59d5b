package dev.gureum.core.store;

/** A batch expected a version that is no longer current; nothing of the batch was written. */
public final class VersionConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message);
    }
}
