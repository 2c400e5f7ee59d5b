package dev.gureum.protocol.service;

import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.cbor.RpcV2CborProtocol;
import dev.gureum.protocol.document.RpcErrors;
import dev.gureum.protocol.json.AwsJsonProtocol;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.query.AwsQueryProtocol;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * CloudWatch's wire facts. It is reached in three formats, all served from the same handlers: Smithy
 * RPC v2 CBOR (the Java SDK 2.57.8), awsJson 1.0 (newer botocore) and aws-query (the AWS CLI 2.9). It is
 * query-compatible, so its JSON and CBOR errors carry the aws-query code in {@code x-amzn-query-error}.
 */
public final class CloudWatchWire {
    public static final String SIGNING_NAME = "monitoring";
    public static final String API_VERSION = "2010-08-01";
    public static final String XML_NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    /** The Smithy service name: the awsJson target prefix and the RPC v2 path segment. */
    public static final String SERVICE_NAME = "GraniteServiceVersion20100801";
    private static final String SHAPE_NAMESPACE = "com.amazonaws.cloudwatch#";

    private CloudWatchWire() {
    }

    public static OperationCatalog catalog() {
        return OperationCatalog.fromClientInterface(SIGNING_NAME, CloudWatchClient.class);
    }

    /**
     * The three protocols over one catalog, CBOR first (the primary). {@code errorShapeOfCode} names the
     * error shape of an aws-query code (e.g. {@code InvalidParameterValue} → {@code InvalidParameterValueException}),
     * or null for a code without one.
     */
    public static List<ServiceProtocol> protocols(OperationCatalog catalog, Function<String, String> errorShapeOfCode) {
        RpcErrors errors = new RpcErrors(code -> {
            String shape = errorShapeOfCode.apply(code);
            return shape == null ? code : SHAPE_NAMESPACE + shape;
        }, true);
        return List.of(new RpcV2CborProtocol(catalog, SERVICE_NAME, errors),
                new AwsJsonProtocol(catalog, "1.0", SERVICE_NAME, errors),
                new AwsQueryProtocol(catalog, API_VERSION, XML_NAMESPACE));
    }
}
