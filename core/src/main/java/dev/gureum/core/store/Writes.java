package dev.gureum.core.store;

import dev.gureum.core.RequestContext;

/**
 * The one way services commit: a dry run performs every check but writes nothing and runs no side
 * effect (the gateway then answers {@code DryRunOperation}); otherwise the batch is made durable first
 * and the side effects (runtime commands, schedules) run only after it was acknowledged.
 */
public final class Writes {
    private Writes() {
    }

    public static void commit(Store store, RequestContext context, WriteBatch batch, Runnable afterCommit) {
        if (context.dryRun()) {
            return;
        }
        if (!batch.isEmpty()) {
            store.apply(batch);
        }
        afterCommit.run();
    }

    public static void commit(Store store, RequestContext context, WriteBatch batch) {
        commit(store, context, batch, () -> { });
    }
}
