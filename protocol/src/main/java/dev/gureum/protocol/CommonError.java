package dev.gureum.protocol;

/**
 * Errors every AWS service shares across its wire protocols (AWS's "common errors"), with their HTTP status.
 * Service-specific codes live in the service's own enum in core.
 */
public enum CommonError {
    AUTH_FAILURE("AuthFailure", 401),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    REQUEST_EXPIRED("RequestExpired", 400),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    /** The services other than EC2 (which answers AuthFailure): a request without credentials. */
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    /** The services other than EC2 (which answers AuthFailure): an access key nobody has. */
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    /**
     * JSON services that never spoke aws-query (Cost Explorer, Savings Plans): a request without credentials. As
     * {@link #UNRECOGNIZED_CLIENT}, 400 over awsJson and 403 over REST-JSON ({@link AuthenticationFailures}).
     */
    MISSING_AUTHENTICATION_TOKEN_EXCEPTION("MissingAuthenticationTokenException", 400),
    /** JSON services that never spoke aws-query: an access key nobody has. */
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", 400),
    INVALID_ACTION("InvalidAction", 400),
    /** awsJson and RPC v2 CBOR: an {@code X-Amz-Target} or path naming no operation of the service. */
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    /** awsJson and RPC v2 CBOR: a body that is not a well-formed document of the operation's input. */
    SERIALIZATION_EXCEPTION("SerializationException", 400),
    UNSUPPORTED_OPERATION("UnsupportedOperation", 400),
    UNKNOWN_PARAMETER("UnknownParameter", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    MISSING_ACTION("MissingAction", 400),
    INVALID_QUERY_PARAMETER("InvalidQueryParameter", 400),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404),
    NO_SUCH_VERSION("NoSuchVersion", 400),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    DRY_RUN_OPERATION("DryRunOperation", 412),
    REQUEST_LIMIT_EXCEEDED("RequestLimitExceeded", 503),
    INTERNAL_ERROR("InternalError", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String code;
    private final int httpStatus;

    CommonError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public ApiError withMessage(String message) {
        return new ApiError(code, httpStatus, message, httpStatus < 500);
    }
}
