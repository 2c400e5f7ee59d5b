package dev.gureum.server.dispatch;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The handlers of one service, keyed by the SDK request class they accept. Adding an operation is one
 * {@link #register} call; an operation of the model with no handler answers {@code UnsupportedOperation}.
 */
public final class OperationTable {
    private final Map<Class<?>, Handler<SdkPojo, SdkPojo>> handlers = new HashMap<>();

    @SuppressWarnings("unchecked")
    public <I extends SdkPojo, O extends SdkPojo> OperationTable register(Class<I> input, Handler<I, O> handler) {
        if (handlers.putIfAbsent(input, (Handler<SdkPojo, SdkPojo>) handler) != null) {
            throw new IllegalStateException(input.getSimpleName() + " already has a handler");
        }
        return this;
    }

    public Optional<Handler<SdkPojo, SdkPojo>> find(Class<?> input) {
        return Optional.ofNullable(handlers.get(input));
    }

    public int size() {
        return handlers.size();
    }

    public java.util.Set<Class<?>> inputs() {
        return java.util.Collections.unmodifiableSet(handlers.keySet());
    }
}
