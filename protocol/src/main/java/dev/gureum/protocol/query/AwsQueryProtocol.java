package dev.gureum.protocol.query;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.xml.XmlOutput;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The aws-query protocol of one service (SNS; CloudWatch from the AWS CLI 2.9): {@code POST /} with a
 * form body (or {@code GET} with the parameters in the query string), {@code Action} and the service's
 * {@code Version}; responses are XML in the service's namespace with a Result element and
 * {@code ResponseMetadata}; errors are {@code <ErrorResponse><Error><Type>Sender|Receiver</Type>…}.
 * SigV4 parameters of presigned requests are set aside before decoding.
 */
public final class AwsQueryProtocol implements ServiceProtocol {
    private static final String CONTENT_TYPE = "text/xml";

    private final OperationCatalog catalog;
    private final String apiVersion;
    private final String namespace;

    public AwsQueryProtocol(OperationCatalog catalog, String apiVersion, String namespace) {
        this.catalog = catalog;
        this.apiVersion = apiVersion;
        this.namespace = namespace;
    }

    /** A query call says its API version ({@code Version=2010-03-31}), in its body or its query string. */
    @Override
    public boolean recognizes(WireRequest request) {
        String version = "Version=" + apiVersion;
        for (String text : new String[] {request.rawQuery(),
                new String(request.body(), java.nio.charset.StandardCharsets.ISO_8859_1)}) {
            for (String parameter : text == null ? new String[0] : text.split("&")) {
                if (parameter.equals(version)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Call decode(WireRequest request) {
        QueryRequest query = QueryRequest.read(request, catalog, apiVersion, catalog.serviceName());
        SdkPojo input = AwsQueryDecoder.decode(query.operation().requestBuilders().get(), query.parameters());
        return new Call(query.operation().name(), input);
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        XmlOutput xml = AwsQueryXmlEncoder.write(call.operation(), namespace, output, requestId);
        return new WireResponse(200, CONTENT_TYPE, xml.buffer(), xml.length(), Map.of("x-amzn-RequestId", requestId));
    }

    @Override
    public WireResponse encodeError(ApiError error, String requestId) {
        XmlOutput out = new XmlOutput(256);
        out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"").ascii(namespace)
                .ascii("\"><Error><Type>").ascii(error.senderFault() ? "Sender" : "Receiver").ascii("</Type><Code>")
                .text(error.code()).ascii("</Code><Message>").text(error.message()).ascii("</Message></Error><RequestId>")
                .text(requestId).ascii("</RequestId></ErrorResponse>");
        return new WireResponse(error.httpStatus(), CONTENT_TYPE, out.buffer(), out.length(),
                Map.of("x-amzn-RequestId", requestId));
    }
}
