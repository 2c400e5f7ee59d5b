package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.InstanceRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Each instance's serial queue of host work, in order per instance and in parallel across instances, and
 * its files under {@code <data>/sandbox/instances/<account>/<region>/<id>}.
 */
final class InstanceQueues {
    private static final Logger LOG = Logger.getLogger(InstanceQueues.class.getName());
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final Path directory;
    private final Path instancesDirectory;
    private final ExecutorService workers;
    private final Map<InstanceRef, SerialQueue> queues = new ConcurrentHashMap<>();

    InstanceQueues(Path sandboxDirectory, ExecutorService workers) {
        this.directory = sandboxDirectory;
        this.instancesDirectory = sandboxDirectory.resolve("instances");
        this.workers = workers;
    }

    SerialQueue queue(InstanceRef instance) {
        return queues.computeIfAbsent(instance, unused -> new SerialQueue(workers));
    }

    InstanceFiles files(InstanceRef instance) {
        return InstanceFiles.of(directory, instance);
    }

    /** The instance is gone: its queue goes too. */
    void forget(InstanceRef instance) {
        queues.remove(instance);
    }

    void clear() {
        queues.clear();
    }

    /**
     * Runs the action on every instance's queue (after the work already queued there), for the instances with
     * work queued here and those with files on disk (from before a restart), and waits for all of them.
     */
    void awaitAll(BiConsumer<InstanceRef, InstanceFiles> action) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (InstanceRef instance : everyInstance()) {
            done.add(queue(instance).submit(() -> {
                try {
                    action.accept(instance, files(instance));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "cannot take down " + instance.instanceId() + ": " + e.getMessage(), e);
                }
            }));
        }
        try {
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warning("instances still going down after " + SHUTDOWN_WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "taking instances down failed", e);
        }
    }

    private Set<InstanceRef> everyInstance() {
        Set<InstanceRef> instances = new HashSet<>(queues.keySet());
        if (Files.isDirectory(instancesDirectory)) {
            try (Stream<Path> paths = Files.walk(instancesDirectory, 3)) {
                paths.filter(path -> path.getNameCount() == instancesDirectory.getNameCount() + 3)
                        .filter(Files::isDirectory)
                        .forEach(path -> instances.add(new InstanceRef(path.getParent().getParent().getFileName().toString(),
                                path.getParent().getFileName().toString(), path.getFileName().toString())));
            } catch (IOException e) {
                LOG.warning("cannot list " + instancesDirectory + ": " + e.getMessage());
            }
        }
        return instances;
    }
}
