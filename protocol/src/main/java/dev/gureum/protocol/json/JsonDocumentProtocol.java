package dev.gureum.protocol.json;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.document.DocumentFormat;
import dev.gureum.protocol.document.RpcErrors;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsJson 1.0/1.1 without an SDK model: {@code POST /} with {@code X-Amz-Target: <prefix>.<Operation>}; the
 * body goes to the handler as a {@link JsonDocument} and the handler's document comes back as the response.
 * A target naming none of the service's operations is {@code UnknownOperationException}, as with
 * {@link AwsJsonProtocol}; errors use the same {@code __type} envelope.
 */
public final class JsonDocumentProtocol implements ServiceProtocol {
    private final Set<String> operations;
    private final String targetPrefix;
    private final String contentType;
    private final RpcErrors errors;

    public JsonDocumentProtocol(Set<String> operations, String jsonVersion, String targetPrefix, RpcErrors errors) {
        this.operations = Set.copyOf(operations);
        this.targetPrefix = targetPrefix + ".";
        this.contentType = "application/x-amz-json-" + jsonVersion;
        this.errors = errors;
    }

    @Override
    public WireFormat format() {
        return WireFormat.JSON;
    }

    @Override
    public boolean recognizes(WireRequest request) {
        return JsonTarget.addressedTo(request, targetPrefix);
    }

    @Override
    public Call decode(WireRequest request) {
        String operation = JsonTarget.operation(request, targetPrefix,
                name -> Optional.of(name).filter(operations::contains), CommonError.UNKNOWN_OPERATION);
        return new Call(operation, new JsonDocument(operation, request.body()));
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        byte[] body = ((JsonDocument) output).body();
        return new WireResponse(200, contentType, body, body.length, Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public ApiError authenticationFailure(boolean credentialsGiven) {
        return errors.authenticationFailure(credentialsGiven);
    }

    @Override
    public WireResponse encodeError(ApiError error, String requestId) {
        return errors.render(DocumentFormat.JSON, error, contentType, Map.of("x-amzn-RequestId", requestId));
    }
}
