package dev.gureum.protocol;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One AWS wire protocol for one service: turns HTTP requests into typed SDK inputs and typed SDK
 * outputs or errors back into HTTP responses. Handlers never see which protocol carried a call, so a
 * service reachable through several protocols (CloudWatch) plugs in one instance per protocol.
 */
public interface ServiceProtocol {

    /** The wire format this protocol reads; a service holds at most one protocol per format. */
    default WireFormat format() {
        return WireFormat.QUERY;
    }

    /**
     * @throws ProtocolException when the request is not a well-formed call of this service
     */
    Call decode(WireRequest request);

    WireResponse encode(Call call, SdkPojo output, String requestId);

    WireResponse encodeError(ApiError error, String requestId);

    /**
     * Whether the request is addressed to this service by what only its calls carry (an X-Amz-Target prefix, a
     * path, a query API version), which tells the service of a request without a signature, so even its refusal is
     * answered in the service's own envelope. False when the request does not say.
     */
    default boolean recognizes(WireRequest request) {
        return false;
    }

    /**
     * How the service refuses a request whose credentials it cannot use: none at all, or (when
     * {@code credentialsGiven}) an access key nobody has. Services that speak aws-query, or once did and keep its
     * codes (CloudWatch), answer AWS's common {@code MissingAuthenticationToken} and {@code InvalidClientTokenId};
     * JSON services answer their own ({@link #awsJsonAuthenticationFailure}, {@link #restJsonAuthenticationFailure}). EC2 answers {@code AuthFailure} to both,
     * and its gateway keeps the authenticator's words.
     */
    default ApiError authenticationFailure(boolean credentialsGiven) {
        return queryAuthenticationFailure(credentialsGiven);
    }

    /** The refusal in aws-query's common codes, {@code MissingAuthenticationToken} and {@code InvalidClientTokenId}. */
    static ApiError queryAuthenticationFailure(boolean credentialsGiven) {
        return credentialsGiven
                ? CommonError.INVALID_CLIENT_TOKEN_ID.withMessage("The security token included in the request is invalid.")
                : CommonError.MISSING_AUTHENTICATION_TOKEN.withMessage(
                        "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
    }

    /** The refusal of an awsJson service that never spoke aws-query (400, as DynamoDB's front answers). */
    static ApiError awsJsonAuthenticationFailure(boolean credentialsGiven) {
        return credentialsGiven ? unrecognizedClient(400)
                : CommonError.MISSING_AUTHENTICATION_TOKEN_EXCEPTION.withMessage("Request is missing Authentication Token");
    }

    /** The refusal of a REST-JSON service (403, as the front of Lambda and API Gateway answers). */
    static ApiError restJsonAuthenticationFailure(boolean credentialsGiven) {
        return credentialsGiven ? unrecognizedClient(403)
                : new ApiError(CommonError.MISSING_AUTHENTICATION_TOKEN_EXCEPTION.code(), 403,
                        "Missing Authentication Token", true);
    }

    private static ApiError unrecognizedClient(int status) {
        return new ApiError(CommonError.UNRECOGNIZED_CLIENT.code(), status,
                "The security token included in the request is invalid.", true);
    }
}
