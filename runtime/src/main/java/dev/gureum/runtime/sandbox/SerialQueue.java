package dev.gureum.runtime.sandbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Runs one instance's work in the order it was asked for, one task at a time, off the caller's thread. */
final class SerialQueue {
    private final Executor executor;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    SerialQueue(Executor executor) {
        this.executor = executor;
    }

    synchronized CompletableFuture<Void> submit(Runnable task) {
        tail = tail.handle((unused, failure) -> null).thenRunAsync(task, executor);
        return tail;
    }
}
