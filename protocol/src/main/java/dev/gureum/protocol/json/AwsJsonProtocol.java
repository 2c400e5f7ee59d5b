package dev.gureum.protocol.json;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
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
import software.amazon.awssdk.core.SdkPojo;

/**
 * awsJson 1.0 and 1.1 (CloudWatch from newer botocore; Cost Explorer later): {@code POST /} with
 * {@code X-Amz-Target: <prefix>.<Operation>} and a JSON body; responses are JSON of the same content type.
 * The two versions differ only in that content type. An unknown target is {@code UnknownOperationException},
 * or {@code InvalidAction} for a query-compatible service, whose clients expect the aws-query code.
 */
public final class AwsJsonProtocol implements ServiceProtocol {
    private final OperationCatalog catalog;
    private final String targetPrefix;
    private final String contentType;
    private final RpcErrors errors;

    public AwsJsonProtocol(OperationCatalog catalog, String jsonVersion, String targetPrefix, RpcErrors errors) {
        this.catalog = catalog;
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
        Operation operation = JsonTarget.operation(request, targetPrefix, catalog::find,
                errors.queryCompatible() ? CommonError.INVALID_ACTION : CommonError.UNKNOWN_OPERATION);
        return new Call(operation.name(),
                DocumentDecoder.decode(DocumentFormat.JSON, operation.requestBuilders().get(), request.body()));
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        byte[] body = DocumentEncoder.encode(DocumentFormat.JSON, output);
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
