package dev.gureum.protocol.service;

import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.model.OperationCatalog;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Each protocol of SNS and CloudWatch paired with the SDK wire that speaks it, for the codec tests. */
final class ServiceWires {
    /** A few of CloudWatch's error shapes (the server takes them from core's CloudWatchError). */
    static final Map<String, String> CLOUDWATCH_ERROR_SHAPES = Map.of(
            "InvalidParameterValue", "InvalidParameterValueException",
            "MissingParameter", "MissingRequiredParameterException",
            "LimitExceeded", "LimitExceededFault",
            "ResourceNotFound", "ResourceNotFound",
            "InternalServiceError", "InternalServiceFault");
    static final OperationCatalog SNS_CATALOG = SnsWire.catalog();
    static final OperationCatalog CLOUDWATCH_CATALOG = CloudWatchWire.catalog();
    static final List<ServiceProtocol> CLOUDWATCH = CloudWatchWire.protocols(CLOUDWATCH_CATALOG, CLOUDWATCH_ERROR_SHAPES::get);
    static final ServiceProtocol SNS = SnsWire.protocol(SNS_CATALOG);

    /** One protocol under test: its name, catalog, our codec and the SDK's side of the wire. */
    record Case(String name, OperationCatalog catalog, ServiceProtocol protocol, WireClient client) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ServiceWires() {
    }

    static ServiceProtocol cloudWatch(WireFormat format) {
        return CLOUDWATCH.stream().filter(protocol -> protocol.format() == format).findFirst().orElseThrow();
    }

    static List<Case> all() {
        return List.of(
                new Case("SNS aws-query (SnsClient)", SNS_CATALOG, SNS,
                        new SdkClientWire(SnsClient.builder(), SnsClient.class)),
                new Case("CloudWatch RPC v2 CBOR (CloudWatchClient)", CLOUDWATCH_CATALOG, cloudWatch(WireFormat.CBOR),
                        new SdkClientWire(CloudWatchClient.builder(), CloudWatchClient.class)),
                new Case("CloudWatch awsJson 1.0 (SDK JSON marshallers)", CLOUDWATCH_CATALOG, cloudWatch(WireFormat.JSON),
                        new SdkProtocolFactoryWire(SdkProtocolFactoryWire.Kind.JSON, CloudWatchWire.API_VERSION,
                                CloudWatchWire.SERVICE_NAME)),
                new Case("CloudWatch aws-query (SDK query marshallers)", CLOUDWATCH_CATALOG, cloudWatch(WireFormat.QUERY),
                        new SdkProtocolFactoryWire(SdkProtocolFactoryWire.Kind.QUERY, CloudWatchWire.API_VERSION,
                                CloudWatchWire.SERVICE_NAME)));
    }
}
