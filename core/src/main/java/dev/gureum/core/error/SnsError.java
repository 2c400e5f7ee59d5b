package dev.gureum.core.error;

/** SNS's error codes, exactly as SNS spells them, with their HTTP status. The one place they are listed. */
public enum SnsError implements ErrorCode {
    INVALID_PARAMETER("InvalidParameter", 400),
    INVALID_PARAMETER_VALUE("ParameterValueInvalid", 400),
    NOT_FOUND("NotFound", 404),
    RESOURCE_NOT_FOUND("ResourceNotFound", 404),
    AUTHORIZATION_ERROR("AuthorizationError", 403),
    TOPIC_LIMIT_EXCEEDED("TopicLimitExceeded", 403),
    SUBSCRIPTION_LIMIT_EXCEEDED("SubscriptionLimitExceeded", 403),
    FILTER_POLICY_LIMIT_EXCEEDED("FilterPolicyLimitExceeded", 403),
    TAG_LIMIT_EXCEEDED("TagLimitExceeded", 400),
    STALE_TAG("StaleTag", 400),
    CONCURRENT_ACCESS("ConcurrentAccess", 400),
    INVALID_STATE("InvalidState", 400),
    ENDPOINT_DISABLED("EndpointDisabled", 400),
    THROTTLED("Throttled", 429),
    EMPTY_BATCH_REQUEST("EmptyBatchRequest", 400),
    TOO_MANY_ENTRIES_IN_BATCH_REQUEST("TooManyEntriesInBatchRequest", 400),
    BATCH_ENTRY_IDS_NOT_DISTINCT("BatchEntryIdsNotDistinct", 400),
    BATCH_REQUEST_TOO_LONG("BatchRequestTooLong", 400),
    INVALID_BATCH_ENTRY_ID("InvalidBatchEntryId", 400),
    VALIDATION("ValidationException", 400),
    INTERNAL_ERROR("InternalError", 500);

    private final String code;
    private final int httpStatus;

    SnsError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
