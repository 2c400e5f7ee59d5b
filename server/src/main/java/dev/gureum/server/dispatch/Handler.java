package dev.gureum.server.dispatch;

import dev.gureum.core.RequestContext;
import software.amazon.awssdk.core.SdkPojo;

/** One operation's implementation: the SDK's typed input in, the SDK's typed output back. */
@FunctionalInterface
public interface Handler<I extends SdkPojo, O extends SdkPojo> {
    O handle(I input, RequestContext context);
}
