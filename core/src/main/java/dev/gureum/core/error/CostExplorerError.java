package dev.gureum.core.error;

/** Cost Explorer's error codes, as its awsJson envelope names them, with their HTTP status. */
public enum CostExplorerError implements ErrorCode {
    VALIDATION("ValidationException", 400),
    DATA_UNAVAILABLE("DataUnavailableException", 400),
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
    UNSUPPORTED_OPERATION("UnsupportedOperation", 400);

    private final String code;
    private final int httpStatus;

    CostExplorerError(String code, int httpStatus) {
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
