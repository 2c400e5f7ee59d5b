package dev.gureum.protocol.query;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.model.Operation;
import dev.gureum.protocol.model.OperationCatalog;
import java.util.Map;

/**
 * A query-protocol request (EC2 query, aws-query) read as its operation and its other parameters: the
 * {@code Action} must name an operation of the catalog and the {@code Version} be the service's API version,
 * checked in that order with AWS's codes; {@code X-Amz-*} parameters (a presigned URL's) are left out.
 */
public record QueryRequest(Operation operation, ParameterTree parameters) {

    /**
     * @param serviceName the service as the version error names it, e.g. {@code AmazonEC2}
     */
    public static QueryRequest read(WireRequest request, OperationCatalog catalog, String apiVersion,
                                    String serviceName) {
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
        if (!apiVersion.equals(version)) {
            throw new ProtocolException(CommonError.NO_SUCH_VERSION,
                    "The requested version (" + version + ") of service " + serviceName + " does not exist");
        }
        return new QueryRequest(operation, ParameterTree.of(parameters));
    }
}
