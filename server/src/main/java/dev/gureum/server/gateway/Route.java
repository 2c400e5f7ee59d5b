package dev.gureum.server.gateway;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;

/**
 * A request a service answers outside the signed API, checked before anything else: links a service sends to
 * people and machines that cannot sign (SNS's SubscribeURL, UnsubscribeURL and SigningCertURL) and its own
 * admin views. It answers in its own envelope and never throws for bad input.
 */
public interface Route {

    boolean owns(WireRequest request);

    WireResponse handle(WireRequest request, String requestId);
}
