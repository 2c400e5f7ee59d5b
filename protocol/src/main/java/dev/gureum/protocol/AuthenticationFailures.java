package dev.gureum.protocol;

/**
 * How services refuse credentials they cannot use, by the protocol family they belong to. EC2 answers
 * {@code AuthFailure} to both cases in its own words, and is not here. Services that speak aws-query, or once did
 * and keep its codes (SNS; CloudWatch over any wire), answer AWS's common {@code MissingAuthenticationToken} and
 * {@code InvalidClientTokenId}; JSON services answer {@code MissingAuthenticationTokenException} and
 * {@code UnrecognizedClientException}, with the status and words of the front they sit behind.
 */
public final class AuthenticationFailures {
    private AuthenticationFailures() {
    }

    /** aws-query's common codes, both 403. */
    public static ApiError query(boolean credentialsGiven) {
        return credentialsGiven
                ? CommonError.INVALID_CLIENT_TOKEN_ID.withMessage("The security token included in the request is invalid.")
                : CommonError.MISSING_AUTHENTICATION_TOKEN.withMessage(
                        "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
    }

    /** An awsJson service that never spoke aws-query (Cost Explorer): 400, as DynamoDB's front answers. */
    public static ApiError awsJson(boolean credentialsGiven) {
        return credentialsGiven ? unrecognizedClient(400)
                : CommonError.MISSING_AUTHENTICATION_TOKEN_EXCEPTION.withMessage("Request is missing Authentication Token");
    }

    /** A REST-JSON service (Savings Plans): 403, as the front of Lambda and API Gateway answers. */
    public static ApiError restJson(boolean credentialsGiven) {
        return credentialsGiven ? unrecognizedClient(403)
                : new ApiError(CommonError.MISSING_AUTHENTICATION_TOKEN_EXCEPTION.code(), 403,
                        "Missing Authentication Token", true);
    }

    private static ApiError unrecognizedClient(int status) {
        return new ApiError(CommonError.UNRECOGNIZED_CLIENT.code(), status,
                "The security token included in the request is invalid.", true);
    }
}
