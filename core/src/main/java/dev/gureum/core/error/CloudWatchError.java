package dev.gureum.core.error;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CloudWatch's error codes, exactly as its aws-query wire spells them, with their HTTP status and the
 * error shape its JSON and CBOR wires name in {@code __type} (from CloudWatch's model). The one place
 * they are listed.
 */
public enum CloudWatchError implements ErrorCode {
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400, "InvalidParameterValueException"),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400, "InvalidParameterCombinationException"),
    MISSING_PARAMETER("MissingParameter", 400, "MissingRequiredParameterException"),
    INVALID_NEXT_TOKEN("InvalidNextToken", 400, "InvalidNextToken"),
    INVALID_FORMAT("InvalidFormat", 400, "InvalidFormatFault"),
    INVALID_PARAMETER_INPUT("InvalidParameterInput", 400, "DashboardInvalidInputError"),
    LIMIT_EXCEEDED("LimitExceeded", 400, "LimitExceededFault"),
    LIMIT_EXCEEDED_EXCEPTION("LimitExceededException", 400, "LimitExceededException"),
    RESOURCE_NOT_FOUND("ResourceNotFound", 404, "ResourceNotFound"),
    RESOURCE_NOT_FOUND_EXCEPTION("ResourceNotFoundException", 404, "ResourceNotFoundException"),
    CONCURRENT_MODIFICATION("ConcurrentModificationException", 429, "ConcurrentModificationException"),
    CONFLICT("ConflictException", 409, "ConflictException"),
    /** AWS's common code for input that fails validation (GetMetricData's queries and expressions). */
    VALIDATION_ERROR("ValidationError", 400, null),
    INTERNAL_SERVICE_ERROR("InternalServiceError", 500, "InternalServiceFault"),
    /** AWS's common code for a failure of the service itself. */
    INTERNAL_FAILURE("InternalFailure", 500, null);

    private static final Map<String, String> SHAPES_BY_CODE = Arrays.stream(values())
            .filter(error -> error.shape != null)
            .collect(Collectors.toUnmodifiableMap(CloudWatchError::code, error -> error.shape));

    private final String code;
    private final int httpStatus;
    private final String shape;

    CloudWatchError(String code, int httpStatus, String shape) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.shape = shape;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    /** A member that breaks its model constraint, in the words AWS's request validation uses. */
    public static CloudException constraint(Object value, String member, String constraint) {
        return VALIDATION_ERROR.exception("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    /** The error shape CloudWatch's model declares for an error code, or null (for codes common to all services). */
    public static String shapeOf(String code) {
        return SHAPES_BY_CODE.get(code);
    }
}
