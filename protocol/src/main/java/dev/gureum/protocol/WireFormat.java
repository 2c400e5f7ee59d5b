package dev.gureum.protocol;

import dev.gureum.protocol.http.WireRequest;
import java.util.Locale;

/**
 * The wire format a request arrived in, told apart before any body is parsed so that even an
 * authentication failure is answered in an envelope the client can read. One service may take several
 * (CloudWatch takes all three); the SigV4 scope picks the service, this picks its protocol.
 */
public enum WireFormat {
    /** Form parameters with {@code Action} (EC2 query, aws-query): the default for anything else. */
    QUERY,
    /** awsJson 1.0 / 1.1: {@code X-Amz-Target: Prefix.Operation}, {@code application/x-amz-json-1.x}. */
    JSON,
    /** Smithy RPC v2 CBOR: {@code smithy-protocol: rpc-v2-cbor}, {@code POST /service/S/operation/O}. */
    CBOR;

    public static WireFormat of(WireRequest request) {
        if (request.header("smithy-protocol") != null || request.rawPath().contains("/service/")) {
            return CBOR;
        }
        String contentType = request.header("content-type");
        if (request.header("x-amz-target") != null
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-amz-json")) {
            return JSON;
        }
        return QUERY;
    }
}
