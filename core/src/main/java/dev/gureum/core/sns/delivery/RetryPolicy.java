package dev.gureum.core.sns.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * How SNS retries a failed delivery, in its four documented phases: {@code numNoDelayRetries} at once,
 * {@code numMinDelayRetries} {@code minDelayTarget} apart, the backoff phase (the retries left over) rising
 * from {@code minDelayTarget} to {@code maxDelayTarget} along the backoff function, then
 * {@code numMaxDelayRetries} {@code maxDelayTarget} apart. SNS does not publish the exact curves of its
 * four backoff functions, nor its jitter; Gureum uses linear t, arithmetic t², geometric √t and exponential
 * min·(max/min)^t over the phase (t from 1/n to 1), without jitter, so a test can predict each retry.
 */
public record RetryPolicy(int minDelayTarget, int maxDelayTarget, int numRetries, int numNoDelayRetries,
                          int numMinDelayRetries, int numMaxDelayRetries, String backoffFunction) {

    /** SNS's default for HTTP/S endpoints: three retries, 20 seconds apart. */
    public static final RetryPolicy HTTP_DEFAULT = new RetryPolicy(20, 20, 3, 0, 0, 0, "linear");
    /** SNS's fixed policy for SMTP endpoints: 50 attempts over more than six hours. */
    public static final RetryPolicy EMAIL = new RetryPolicy(10, 600, 49, 0, 2, 37, "exponential");

    /** The wait before retry number {@code retry} (1 is the first retry), or empty when the policy is spent. */
    public Optional<Duration> delayBefore(int retry) {
        if (retry < 1 || retry > numRetries) {
            return Optional.empty();
        }
        if (retry <= numNoDelayRetries) {
            return Optional.of(Duration.ZERO);
        }
        if (retry <= numNoDelayRetries + numMinDelayRetries) {
            return Optional.of(Duration.ofSeconds(minDelayTarget));
        }
        int backoffRetries = numRetries - numNoDelayRetries - numMinDelayRetries - numMaxDelayRetries;
        int inBackoff = retry - numNoDelayRetries - numMinDelayRetries;
        if (inBackoff > backoffRetries) {
            return Optional.of(Duration.ofSeconds(maxDelayTarget));
        }
        double t = (double) inBackoff / backoffRetries;
        double span = maxDelayTarget - minDelayTarget;
        double seconds = switch (backoffFunction) {
            case "arithmetic" -> minDelayTarget + span * t * t;
            case "geometric" -> minDelayTarget + span * Math.sqrt(t);
            case "exponential" -> minDelayTarget * Math.pow((double) maxDelayTarget / minDelayTarget, t);
            default -> minDelayTarget + span * t;
        };
        return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
