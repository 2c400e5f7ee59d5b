package dev.gureum.core.error;

/** Savings Plans' error codes (REST-JSON, 2019-06-28), as its model names them, with their HTTP status. */
public enum SavingsPlansError implements ErrorCode {
    VALIDATION("ValidationException", 400),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    INTERNAL_SERVER("InternalServerException", 500);

    private final String code;
    private final int httpStatus;

    SavingsPlansError(String code, int httpStatus) {
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
