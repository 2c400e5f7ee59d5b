package dev.gureum.server.dispatch;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.WireFormat;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.model.RequiredMembers;
import java.util.List;

/**
 * A service reachable on the shared port: the SigV4 scope name that selects it (e.g. {@code ec2}), its
 * wire protocols (one per format, the first its primary), the members its requests must carry, its
 * handlers, and the error an operation of its model without a handler answers — the one its clients
 * expect for an action they may not call (EC2: {@code UnsupportedOperation}; aws-query services:
 * {@code InvalidAction}).
 */
public record ServiceEndpoint(String signingName, List<ServiceProtocol> protocols, RequiredMembers requiredMembers,
                              OperationTable operations, CommonError notImplemented) {

    public ServiceEndpoint {
        protocols = List.copyOf(protocols);
        if (protocols.isEmpty() || protocols.stream().map(ServiceProtocol::format).distinct().count() != protocols.size()) {
            throw new IllegalArgumentException(signingName + " needs one protocol per wire format, at least one");
        }
    }

    public ServiceEndpoint(String signingName, ServiceProtocol protocol, RequiredMembers requiredMembers,
                           OperationTable operations) {
        this(signingName, List.of(protocol), requiredMembers, operations, CommonError.UNSUPPORTED_OPERATION);
    }

    /** The primary protocol: the envelope of errors found before the request's format is known. */
    public ServiceProtocol protocol() {
        return protocols.get(0);
    }

    /** The protocol of the request's wire format, or the primary one when the service has none for it. */
    /** Whether one of the service's protocols recognizes the request as its own ({@link ServiceProtocol#recognizes}). */
    public boolean recognizes(WireRequest request) {
        return protocols.stream().anyMatch(protocol -> protocol.recognizes(request));
    }

    public ServiceProtocol protocolFor(WireRequest request) {
        WireFormat format = WireFormat.of(request);
        return protocols.stream().filter(protocol -> protocol.format() == format).findFirst().orElse(protocol());
    }
}
