package dev.gureum.protocol.document;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.AuthenticationFailures;
import dev.gureum.protocol.http.WireResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How an RPC-style service (awsJson, RPC v2 CBOR) names its errors. The body's {@code __type} is the
 * error's shape (e.g. {@code com.amazonaws.cloudwatch#InvalidParameterValueException}), which picks the
 * SDK's exception class; a service that once spoke aws-query ("query-compatible", such as CloudWatch)
 * also sends {@code x-amzn-query-error: InvalidParameterValue;Sender}, which sets the error code clients
 * report. {@code typeOfCode} maps a code to its shape; a code without one is sent as its own type.
 */
public record RpcErrors(UnaryOperator<String> typeOfCode, boolean queryCompatible) {

    /**
     * How the service refuses credentials it cannot use: in aws-query's codes when it is query-compatible, else
     * in awsJson services' own ({@link AuthenticationFailures}).
     */
    public ApiError authenticationFailure(boolean credentialsGiven) {
        return queryCompatible ? AuthenticationFailures.query(credentialsGiven)
                : AuthenticationFailures.awsJson(credentialsGiven);
    }

    public WireResponse render(DocumentFormat format, ApiError error, String contentType, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (queryCompatible) {
            all.put("x-amzn-query-error", error.code() + ";" + (error.senderFault() ? "Sender" : "Receiver"));
        }
        byte[] body = DocumentEncoder.error(format, typeOfCode.apply(error.code()), error.message());
        return new WireResponse(error.httpStatus(), contentType, body, body.length, Map.copyOf(all));
    }
}
