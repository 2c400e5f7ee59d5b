package dev.gureum.protocol.json;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.AuthenticationFailures;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.document.DocumentEncoder;
import dev.gureum.protocol.document.DocumentFormat;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * REST-JSON for a service whose every operation is {@code POST /<Operation>} with a JSON body and no
 * parameters in the path, query or headers (Savings Plans), without an SDK model: the body goes to the handler
 * as a {@link JsonDocument} and the handler's document comes back with status 200. A path naming none of the
 * service's operations is {@code UnknownOperationException}. Errors carry
 * their code in {@code x-amzn-ErrorType}, which botocore and the SDKs read first, and in the body's
 * {@code __type}, beside {@code message}.
 */
public final class RestJsonDocumentProtocol implements ServiceProtocol {
    private static final String CONTENT_TYPE = "application/json";

    private final Set<String> operations;

    public RestJsonDocumentProtocol(Set<String> operations) {
        this.operations = Set.copyOf(operations);
    }

    @Override
    public WireFormat format() {
        return WireFormat.JSON;
    }

    @Override
    public boolean recognizes(WireRequest request) {
        String path = request.rawPath();
        return operations.contains(path.startsWith("/") ? path.substring(1) : path);
    }

    @Override
    public Call decode(WireRequest request) {
        String path = request.rawPath();
        String operation = path.startsWith("/") ? path.substring(1) : path;
        if (!operations.contains(operation)) {
            throw new ProtocolException(CommonError.UNKNOWN_OPERATION,
                    "No operation of this service is at " + path + ".");
        }
        if (!"POST".equals(request.method())) {
            throw new ProtocolException(CommonError.METHOD_NOT_ALLOWED,
                    "The HTTP method " + request.method() + " is not allowed for " + operation + ".");
        }
        return new Call(operation, new JsonDocument(operation, request.body()));
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        byte[] body = ((JsonDocument) output).body();
        return new WireResponse(200, CONTENT_TYPE, body, body.length, Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public ApiError authenticationFailure(boolean credentialsGiven) {
        return AuthenticationFailures.restJson(credentialsGiven);
    }

    @Override
    public WireResponse encodeError(ApiError error, String requestId) {
        byte[] body = DocumentEncoder.error(DocumentFormat.JSON, error.code(), error.message());
        return new WireResponse(error.httpStatus(), CONTENT_TYPE, body, body.length,
                Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", error.code()));
    }
}
