package dev.gureum.protocol.json;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an awsJson request names its operation: a POST whose {@code X-Amz-Target} header is
 * {@code <target prefix>.<operation>}. One rule for every awsJson protocol, whatever it decodes the body into.
 */
final class JsonTarget {
    private JsonTarget() {
    }

    /**
     * The operation the request names, as {@code resolve} finds it by name.
     *
     * @param targetPrefix the service's prefix with its dot, e.g. {@code AWSInsightsIndexService.}
     * @param unknown the error for a request naming no operation of the service
     */
    /** Whether the request's X-Amz-Target names a call of the service with {@code targetPrefix}. */
    static boolean addressedTo(WireRequest request, String targetPrefix) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith(targetPrefix);
    }

    static <T> T operation(WireRequest request, String targetPrefix, Function<String, Optional<T>> resolve,
                           CommonError unknown) {
        if (!"POST".equals(request.method())) {
            throw new ProtocolException(CommonError.METHOD_NOT_ALLOWED,
                    "The HTTP method " + request.method() + " is not allowed for this web service.");
        }
        String target = request.header("x-amz-target");
        return Optional.ofNullable(target).filter(name -> name.startsWith(targetPrefix))
                .flatMap(name -> resolve.apply(name.substring(targetPrefix.length())))
                .orElseThrow(() -> new ProtocolException(unknown, target == null
                        ? "The request has no X-Amz-Target header."
                        : "The operation " + target + " is not valid for this web service."));
    }
}
