package dev.gureum.core.error;

/** EC2's error codes, exactly as EC2 spells them, with their HTTP status. The one place they are listed. */
public enum Ec2Error implements ErrorCode {
    DRY_RUN_OPERATION("DryRunOperation", 412),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
    INVALID_PARAMETER("InvalidParameter", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_FILTER("InvalidFilter", 400),
    INVALID_PAGINATION_TOKEN("InvalidPaginationToken", 400),
    UNSUPPORTED_OPERATION("UnsupportedOperation", 400),
    INTERNAL_ERROR("InternalError", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String code;
    private final int httpStatus;

    Ec2Error(String code, int httpStatus) {
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

    public CloudException exception(String message) {
        return new CloudException(this, message);
    }
}
