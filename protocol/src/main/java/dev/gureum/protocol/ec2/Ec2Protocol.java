package dev.gureum.protocol.ec2;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.query.QueryRequest;
import dev.gureum.protocol.xml.XmlOutput;
import java.util.Map;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The EC2 query protocol: {@code POST /} with a form body (or {@code GET} with the same parameters in
 * the query string), {@code Action} and {@code Version=2016-11-15}; responses are EC2 XML and errors
 * the {@code <Response><Errors><Error>} envelope. SigV4 query parameters of presigned requests are
 * not call parameters and are set aside before decoding.
 */
public final class Ec2Protocol implements ServiceProtocol {
    public static final String API_VERSION = "2016-11-15";
    private static final String CONTENT_TYPE = "text/xml;charset=UTF-8";

    private final OperationCatalog catalog = OperationCatalog.fromClientInterface("ec2", Ec2Client.class);

    public OperationCatalog catalog() {
        return catalog;
    }

    @Override
    public Call decode(WireRequest request) {
        QueryRequest query = QueryRequest.read(request, catalog, API_VERSION, "AmazonEC2");
        SdkPojo input = Ec2QueryDecoder.decode(query.operation().requestBuilders().get(), query.parameters());
        return new Call(query.operation().name(), input);
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        XmlOutput xml = Ec2XmlEncoder.write(call.operation(), output, requestId);
        return new WireResponse(200, CONTENT_TYPE, xml.buffer(), xml.length(), Map.of());
    }

    @Override
    public WireResponse encodeError(ApiError error, String requestId) {
        XmlOutput out = new XmlOutput(256);
        out.ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>").text(error.code())
                .ascii("</Code><Message>").text(error.message()).ascii("</Message></Error></Errors><RequestID>")
                .text(requestId).ascii("</RequestID></Response>");
        return new WireResponse(error.httpStatus(), CONTENT_TYPE, out.toByteArray());
    }
}
