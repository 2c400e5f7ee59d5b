package dev.gureum.protocol.service;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.http.WireResponse;
import dev.gureum.protocol.model.Operation;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One client-side wire, driven by the AWS SDK's own marshaller and unmarshaller: what it sends for a
 * request, and what it reads from a response our encoder wrote.
 */
interface WireClient {

    /** The HTTP request the SDK sends for {@code input}, as our gateway would receive it. */
    WireRequest send(Operation operation, SdkPojo input);

    /** What the SDK reads from {@code response} as the answer to {@code operation}. */
    SdkPojo read(Operation operation, WireResponse response);
}
