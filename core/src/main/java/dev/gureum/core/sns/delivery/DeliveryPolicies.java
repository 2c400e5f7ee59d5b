package dev.gureum.core.sns.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.SnsError;
import java.io.IOException;
import java.util.Set;

/**
 * HTTP/S delivery policies: a subscription's ({@code {"healthyRetryPolicy": …, "requestPolicy":
 * {"headerContentType": …}}}) over its topic's ({@code {"http": {"defaultHealthyRetryPolicy": …,
 * "disableSubscriptionOverrides": …, "defaultRequestPolicy": …}}}) over SNS's default, held to SNS's
 * limits: delays 1–3,600 seconds, at most 100 retries, phases that fit in the retries, and no more than
 * 3,600 seconds of retrying in all.
 */
public final class DeliveryPolicies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BACKOFF_FUNCTIONS = Set.of("linear", "arithmetic", "geometric", "exponential");
    public static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=UTF-8";
    /** The content types SNS accepts for {@code headerContentType}. */
    private static final Set<String> CONTENT_TYPES = Set.of("application/json", "application/xml",
            "application/x-www-form-urlencoded", "application/octet-stream", "text/plain", "text/html", "text/xml",
            "text/css", "text/csv", "application/javascript");

    /** What governs deliveries to one HTTP/S subscription. */
    public record Effective(RetryPolicy retryPolicy, String contentType) {
    }

    private DeliveryPolicies() {
    }

    /** Checks a subscription's DeliveryPolicy attribute; an empty one removes it. */
    public static void validateSubscriptionPolicy(String json, String errorPrefix) {
        JsonNode policy = parse(json, errorPrefix);
        retryPolicy(policy.path("healthyRetryPolicy"), RetryPolicy.HTTP_DEFAULT, errorPrefix);
        contentType(policy.path("requestPolicy"), DEFAULT_CONTENT_TYPE, errorPrefix);
    }

    /** Checks a topic's DeliveryPolicy attribute. */
    public static void validateTopicPolicy(String json, String errorPrefix) {
        JsonNode http = parse(json, errorPrefix).path("http");
        retryPolicy(http.path("defaultHealthyRetryPolicy"), RetryPolicy.HTTP_DEFAULT, errorPrefix);
        contentType(http.path("defaultRequestPolicy"), DEFAULT_CONTENT_TYPE, errorPrefix);
    }

    /** The policy a subscription's deliveries follow; policies were validated when set. */
    public static Effective effective(String topicPolicy, String subscriptionPolicy) {
        RetryPolicy retry = RetryPolicy.HTTP_DEFAULT;
        String contentType = DEFAULT_CONTENT_TYPE;
        boolean overridable = true;
        if (topicPolicy != null && !topicPolicy.isBlank()) {
            JsonNode http = parse(topicPolicy, "").path("http");
            retry = retryPolicy(http.path("defaultHealthyRetryPolicy"), retry, "");
            contentType = contentType(http.path("defaultRequestPolicy"), contentType, "");
            overridable = !http.path("disableSubscriptionOverrides").asBoolean(false);
        }
        if (overridable && subscriptionPolicy != null && !subscriptionPolicy.isBlank()) {
            JsonNode policy = parse(subscriptionPolicy, "");
            retry = retryPolicy(policy.path("healthyRetryPolicy"), retry, "");
            contentType = contentType(policy.path("requestPolicy"), contentType, "");
        }
        return new Effective(retry, contentType);
    }

    /**
     * A subscription's EffectiveDeliveryPolicy attribute: the policy its deliveries follow, in the subscription
     * format, every retry field spelled out as SNS shows them.
     */
    public static String subscriptionJson(Effective effective) {
        var policy = JSON.createObjectNode();
        RetryPolicy retry = effective.retryPolicy();
        policy.putObject("healthyRetryPolicy").put("minDelayTarget", retry.minDelayTarget())
                .put("maxDelayTarget", retry.maxDelayTarget()).put("numRetries", retry.numRetries())
                .put("numMaxDelayRetries", retry.numMaxDelayRetries()).put("numNoDelayRetries",
                        retry.numNoDelayRetries()).put("numMinDelayRetries", retry.numMinDelayRetries())
                .put("backoffFunction", retry.backoffFunction());
        policy.putNull("sicklyRetryPolicy");
        policy.putNull("throttlePolicy");
        if (!DEFAULT_CONTENT_TYPE.equals(effective.contentType())) {
            policy.putObject("requestPolicy").put("headerContentType", effective.contentType());
        }
        policy.put("guaranteed", false);
        return policy.toString();
    }

    private static JsonNode parse(String json, String errorPrefix) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // answered below
        }
        throw invalid(errorPrefix, "failed to parse JSON");
    }

    private static RetryPolicy retryPolicy(JsonNode node, RetryPolicy base, String errorPrefix) {
        if (node.isMissingNode() || node.isNull()) {
            return base;
        }
        if (!node.isObject()) {
            throw invalid(errorPrefix, "healthyRetryPolicy must be an object");
        }
        int min = integer(node, "minDelayTarget", base.minDelayTarget(), errorPrefix);
        int max = integer(node, "maxDelayTarget", base.maxDelayTarget(), errorPrefix);
        int retries = integer(node, "numRetries", base.numRetries(), errorPrefix);
        int noDelay = integer(node, "numNoDelayRetries", 0, errorPrefix);
        int minDelay = integer(node, "numMinDelayRetries", 0, errorPrefix);
        int maxDelay = integer(node, "numMaxDelayRetries", 0, errorPrefix);
        String backoff = node.path("backoffFunction").asText(base.backoffFunction());
        if (min < 1 || min > max) {
            throw invalid(errorPrefix, "minDelayTarget must be at least 1 and at most maxDelayTarget");
        }
        if (max > 3600) {
            throw invalid(errorPrefix, "maxDelayTarget must be at most 3600");
        }
        if (retries < 0 || retries > 100) {
            throw invalid(errorPrefix, "numRetries must be between 0 and 100");
        }
        if (noDelay < 0 || minDelay < 0 || maxDelay < 0 || noDelay + minDelay + maxDelay > retries) {
            throw invalid(errorPrefix, "numNoDelayRetries, numMinDelayRetries and numMaxDelayRetries must be"
                    + " non-negative and add up to at most numRetries");
        }
        if (!BACKOFF_FUNCTIONS.contains(backoff)) {
            throw invalid(errorPrefix, "backoffFunction must be one of arithmetic, exponential, geometric, linear");
        }
        RetryPolicy policy = new RetryPolicy(min, max, retries, noDelay, minDelay, maxDelay, backoff);
        long totalMillis = 0;
        for (int retry = 1; retry <= retries; retry++) {
            totalMillis += policy.delayBefore(retry).orElseThrow().toMillis();
        }
        if (totalMillis > 3_600_000) {
            throw invalid(errorPrefix, "the total retry time must be at most 3600 seconds");
        }
        return policy;
    }

    private static int integer(JsonNode node, String field, int fallback, String errorPrefix) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(errorPrefix, field + " must be an integer");
        }
        return value.intValue();
    }

    private static String contentType(JsonNode requestPolicy, String fallback, String errorPrefix) {
        JsonNode type = requestPolicy.path("headerContentType");
        if (type.isMissingNode() || type.isNull()) {
            return fallback;
        }
        String base = type.asText().split(";")[0].trim();
        if (!CONTENT_TYPES.contains(base)) {
            throw invalid(errorPrefix, "headerContentType " + type.asText() + " is not supported");
        }
        return type.asText();
    }

    private static CloudException invalid(String errorPrefix, String reason) {
        return SnsError.INVALID_PARAMETER.exception(errorPrefix + "DeliveryPolicy: " + reason);
    }
}
