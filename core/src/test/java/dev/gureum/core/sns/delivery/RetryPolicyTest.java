package dev.gureum.core.sns.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.core.error.CloudException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SNS's documented retry phases, its HTTP/S default, and the limits of a DeliveryPolicy. */
class RetryPolicyTest {

    private static List<Long> schedule(RetryPolicy policy) {
        List<Long> seconds = new ArrayList<>();
        for (int retry = 1; ; retry++) {
            Optional<Duration> delay = policy.delayBefore(retry);
            if (delay.isEmpty()) {
                return seconds;
            }
            seconds.add(delay.get().toMillis() / 1000);
        }
    }

    @Test
    void theHttpDefaultIsThreeRetriesTwentySecondsApart() {
        assertEquals(List.of(20L, 20L, 20L), schedule(RetryPolicy.HTTP_DEFAULT));
        assertEquals(RetryPolicy.HTTP_DEFAULT, DeliveryPolicies.effective(null, null).retryPolicy());
        assertEquals("text/plain; charset=UTF-8", DeliveryPolicies.effective(null, null).contentType());
    }

    @Test
    void phasesRunImmediateThenMinimumThenBackoffThenMaximum() {
        RetryPolicy policy = new RetryPolicy(10, 50, 8, 2, 1, 1, "linear");
        // 2 at once, 1 at the minimum, 4 rising linearly from 10 to 50, 1 at the maximum
        assertEquals(List.of(0L, 0L, 10L, 20L, 30L, 40L, 50L, 50L), schedule(policy));
    }

    @Test
    void backoffFunctionsRiseFromMinimumToMaximum() {
        for (String function : List.of("linear", "arithmetic", "geometric", "exponential")) {
            List<Long> delays = schedule(new RetryPolicy(5, 80, 4, 0, 0, 0, function));
            assertEquals(80L, delays.getLast(), function);
            for (int i = 1; i < delays.size(); i++) {
                assertEquals(true, delays.get(i) >= delays.get(i - 1), function + " " + delays);
            }
        }
    }

    @Test
    void aSubscriptionPolicyOverridesTheTopicsUnlessTheTopicForbidsIt() {
        String topic = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"numRetries\":5,\"minDelayTarget\":1,"
                + "\"maxDelayTarget\":1},\"disableSubscriptionOverrides\":false}}";
        String subscription = "{\"healthyRetryPolicy\":{\"numRetries\":1,\"minDelayTarget\":7,\"maxDelayTarget\":7},"
                + "\"requestPolicy\":{\"headerContentType\":\"application/json\"}}";
        assertEquals(List.of(1L, 1L, 1L, 1L, 1L), schedule(DeliveryPolicies.effective(topic, null).retryPolicy()));
        assertEquals(List.of(7L), schedule(DeliveryPolicies.effective(topic, subscription).retryPolicy()));
        assertEquals("application/json", DeliveryPolicies.effective(topic, subscription).contentType());
        String locked = topic.replace("false", "true");
        assertEquals(5, DeliveryPolicies.effective(locked, subscription).retryPolicy().numRetries());
    }

    @Test
    void outOfBoundsPoliciesAreRefused() {
        assertRefused("{\"healthyRetryPolicy\":{\"minDelayTarget\":0}}");
        assertRefused("{\"healthyRetryPolicy\":{\"maxDelayTarget\":3601,\"minDelayTarget\":1}}");
        assertRefused("{\"healthyRetryPolicy\":{\"numRetries\":101}}");
        assertRefused("{\"healthyRetryPolicy\":{\"numRetries\":2,\"numNoDelayRetries\":3}}");
        assertRefused("{\"healthyRetryPolicy\":{\"backoffFunction\":\"cubic\"}}");
        assertRefused("{\"healthyRetryPolicy\":{\"numRetries\":100,\"minDelayTarget\":60,\"maxDelayTarget\":60}}");
        assertRefused("{\"requestPolicy\":{\"headerContentType\":\"image/png\"}}");
        assertRefused("not json");
    }

    private static void assertRefused(String policy) {
        CloudException error = assertThrows(CloudException.class,
                () -> DeliveryPolicies.validateSubscriptionPolicy(policy, "Invalid parameter: "));
        assertEquals("InvalidParameter", error.code().code());
        assertEquals(true, error.getMessage().startsWith("Invalid parameter: DeliveryPolicy: "), error.getMessage());
    }
}
