package dev.gureum.core.error;

/** An AWS error code string and the HTTP status AWS answers it with. Each service keeps its own enum. */
public interface ErrorCode {
    String code();

    int httpStatus();

    /** The error, to throw, with AWS's message for this occurrence. */
    default CloudException exception(String message) {
        return new CloudException(this, message);
    }
}
