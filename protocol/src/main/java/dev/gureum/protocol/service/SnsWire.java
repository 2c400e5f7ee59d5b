package dev.gureum.protocol.service;

import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.query.AwsQueryProtocol;
import software.amazon.awssdk.services.sns.SnsClient;

/** SNS's wire facts: aws-query only, from every client. */
public final class SnsWire {
    public static final String SIGNING_NAME = "sns";
    public static final String API_VERSION = "2010-03-31";
    public static final String XML_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private SnsWire() {
    }

    public static OperationCatalog catalog() {
        return OperationCatalog.fromClientInterface(SIGNING_NAME, SnsClient.class);
    }

    public static ServiceProtocol protocol(OperationCatalog catalog) {
        return new AwsQueryProtocol(catalog, API_VERSION, XML_NAMESPACE);
    }
}
