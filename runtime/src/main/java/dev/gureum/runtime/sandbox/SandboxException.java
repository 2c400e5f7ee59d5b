package dev.gureum.runtime.sandbox;

/** A host operation of the sandbox runtime failed; the message says which and what the host answered. */
public final class SandboxException extends RuntimeException {
    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
