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
     * {@code credentialsGiven}) an access key nobody has; in aws-query's common codes unless the protocol says
     * otherwise ({@link AuthenticationFailures}).
     */
    default ApiError authenticationFailure(boolean credentialsGiven) {
        return AuthenticationFailures.query(credentialsGiven);
    }
}
