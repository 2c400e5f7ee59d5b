package dev.gureum.protocol;

/** A request refused before any handler ran: bad signature, unknown action, malformed parameter. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ApiError error;

    public ProtocolException(CommonError code, String message) {
        super(message, null, false, false);
        this.error = code.withMessage(message);
    }

    public ApiError error() {
        return error;
    }
}
