package dev.gureum.core;

import java.util.function.Supplier;

/** A value read when it is first asked for and kept for the rest of one call (a Describe's view of the network). */
public final class Once {
    private Once() {
    }

    /** {@code read}, called at most once, the first time the supplier is asked; not for concurrent use. */
    public static <T> Supplier<T> of(Supplier<T> read) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = read.get();
                }
                return value;
            }
        };
    }
}
