package dev.gureum.protocol;

/**
 * An error as the wire shows it: AWS's code string, the HTTP status and whether the caller
 * (Sender) or the service (Receiver) is at fault. Codecs render it in their own envelope. Messages are
 * capped so an error never echoes a multi-megabyte parameter back.
 */
public record ApiError(String code, int httpStatus, String message, boolean senderFault) {
    /** Messages quote what the caller sent; a huge value is not echoed back whole. */
    public static final int MAX_MESSAGE_LENGTH = 2048;

    public ApiError {
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            message = message.substring(0, MAX_MESSAGE_LENGTH) + "…";
        }
    }

    public static ApiError sender(String code, int httpStatus, String message) {
        return new ApiError(code, httpStatus, message, true);
    }
}
