package dev.gureum.server.dispatch;

import dev.gureum.protocol.ServiceProtocol;
import dev.gureum.protocol.model.RequiredMembers;

/**
 * A service reachable on the shared port: the SigV4 scope name that selects it (e.g. {@code ec2}),
 * its wire protocol, the members its requests must carry, and its handlers.
 */
public record ServiceEndpoint(String signingName, ServiceProtocol protocol, RequiredMembers requiredMembers,
                              OperationTable operations) {
}
