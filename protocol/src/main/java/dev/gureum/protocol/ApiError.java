package dev.gureum.protocol;

/**
 * An error as the wire shows it: AWS's code string, the HTTP status and whether the caller
 * (Sender) or the service (Receiver) is at fault. Codecs render it in their own envelope.
 */
public record ApiError(String code, int httpStatus, String message, boolean senderFault) {

    public static ApiError sender(String code, int httpStatus, String message) {
        return new ApiError(code, httpStatus, message, true);
    }
}
