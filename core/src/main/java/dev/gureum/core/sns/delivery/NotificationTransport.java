package dev.gureum.core.sns.delivery;

/**
 * Carries a delivery to its endpoint: an HTTP POST, an email. Implementations live outside core (the server
 * has the HTTP client and the mailbox); they answer what happened and never throw for an endpoint's failure.
 */
public interface NotificationTransport {

    /** What one attempt came to. */
    record Outcome(Result result, String detail) {
        public enum Result {
            /** The endpoint took it. */
            DELIVERED,
            /** A failure worth retrying: a 5xx answer, a timeout, no connection. */
            RETRY,
            /** A failure retrying cannot fix (a 4xx answer, a bad address): given up at once. */
            REFUSED
        }

        public static Outcome delivered() {
            return new Outcome(Result.DELIVERED, "");
        }

        public static Outcome retry(String detail) {
            return new Outcome(Result.RETRY, detail);
        }

        public static Outcome refused(String detail) {
            return new Outcome(Result.REFUSED, detail);
        }
    }

    Outcome send(Delivery delivery);
}
