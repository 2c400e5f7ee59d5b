package dev.gureum.protocol.cbor;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.document.DocumentDecoder;
import dev.gureum.protocol.document.DocumentEncoder;
import dev.gureum.protocol.document.DocumentFormat;
import dev.gureum.protocol.document.RpcErrors;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import dev.gureum.protocol.model.OperationCatalog;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Smithy RPC v2 CBOR (CloudWatch from the Java SDK 2.57.8): {@code POST [prefix]/service/<Service>/operation/<Op>}
 * with {@code smithy-protocol: rpc-v2-cbor} and an {@code application/cbor} body (possibly empty for an
 * empty input). Every response, errors included, carries {@code smithy-protocol: rpc-v2-cbor}: the SDK
 * refuses a response without it. Timestamps are CBOR tag 1 around epoch seconds.
 */
public final class RpcV2CborProtocol implements ServiceProtocol {
    private static final String CONTENT_TYPE = "application/cbor";
    private static final String SERVICE_SEGMENT = "/service/";
    private static final String OPERATION_SEGMENT = "/operation/";

    private final OperationCatalog catalog;
    private final String serviceName;
    private final RpcErrors errors;

    public RpcV2CborProtocol(OperationCatalog catalog, String serviceName, RpcErrors errors) {
        this.catalog = catalog;
        this.serviceName = serviceName;
        this.errors = errors;
    }

    @Override
    public WireFormat format() {
        return WireFormat.CBOR;
    }

    @Override
    public boolean recognizes(WireRequest request) {
        return request.rawPath().contains(SERVICE_SEGMENT + serviceName + OPERATION_SEGMENT);
    }

    @Override
    public Call decode(WireRequest request) {
        if (!"POST".equals(request.method())) {
            throw new ProtocolException(CommonError.METHOD_NOT_ALLOWED,
                    "The HTTP method " + request.method() + " is not allowed for this web service.");
        }
        String path = request.rawPath();
        Operation operation = operationNamed(path).orElseThrow(() -> new ProtocolException(
                errors.queryCompatible() ? CommonError.INVALID_ACTION : CommonError.UNKNOWN_OPERATION,
                "The path " + path + " names no operation of this web service."));
        return new Call(operation.name(),
                DocumentDecoder.decode(DocumentFormat.CBOR, operation.requestBuilders().get(), request.body()));
    }

    /** The operation of {@code [prefix]/service/<Service>/operation/<Op>}, if the path has that shape. */
    private Optional<Operation> operationNamed(String path) {
        String expected = SERVICE_SEGMENT + serviceName + OPERATION_SEGMENT;
        int service = path.lastIndexOf(SERVICE_SEGMENT);
        return service >= 0 && path.startsWith(expected, service)
                ? catalog.find(path.substring(service + expected.length())) : Optional.empty();
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        byte[] body = DocumentEncoder.encode(DocumentFormat.CBOR, output);
        return new WireResponse(200, CONTENT_TYPE, body, body.length, headers(requestId));
    }

    @Override
    public ApiError authenticationFailure(boolean credentialsGiven) {
        return errors.authenticationFailure(credentialsGiven);
    }

    @Override
    public WireResponse encodeError(ApiError error, String requestId) {
        return errors.render(DocumentFormat.CBOR, error, CONTENT_TYPE, headers(requestId));
    }

    private static Map<String, String> headers(String requestId) {
        return Map.of("smithy-protocol", "rpc-v2-cbor", "x-amzn-RequestId", requestId);
    }
}
