package dev.gureum.protocol.ec2;

import dev.gureum.protocol.ApiError;
import dev.gureum.protocol.Call;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import dev.gureum.protocol.model.OperationCatalog;
import dev.gureum.protocol.query.FormParameters;
import dev.gureum.protocol.query.ParameterTree;
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
        Map<String, String> parameters = FormParameters.ofRequest(request);
        String action = parameters.remove("Action");
        String version = parameters.remove("Version");
        parameters.keySet().removeIf(name -> name.startsWith("X-Amz-"));
        if (action == null || action.isEmpty()) {
            throw new ProtocolException(CommonError.MISSING_ACTION, "The request must contain the parameter Action");
        }
        Operation operation = catalog.find(action).orElseThrow(() -> new ProtocolException(
                CommonError.INVALID_ACTION, "The action " + action + " is not valid for this web service."));
        if (version == null || version.isEmpty()) {
            throw new ProtocolException(CommonError.MISSING_PARAMETER, "The request must contain the parameter Version");
        }
        if (!API_VERSION.equals(version)) {
            throw new ProtocolException(CommonError.NO_SUCH_VERSION,
                    "The requested version (" + version + ") of service AmazonEC2 does not exist");
        }
        SdkPojo input = Ec2QueryDecoder.decode(operation.requestBuilders().get(), ParameterTree.of(parameters));
        return new Call(operation.name(), input);
    }

    @Override
    public WireResponse encode(Call call, SdkPojo output, String requestId) {
        XmlOutput xml = Ec2XmlEncoder.write(call.operation(), output, requestId);
        return new WireResponse(200, CONTENT_TYPE, xml.buffer(), xml.length(), java.util.Map.of());
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
