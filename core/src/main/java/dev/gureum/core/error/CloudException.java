package dev.gureum.core.error;

/**
 * A request refused by a domain rule, carrying AWS's error code and message. The server renders it in
 * the envelope of whichever protocol carried the request. No stack trace is captured: these are answers.
 */
public final class CloudException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCode code;

    public CloudException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
