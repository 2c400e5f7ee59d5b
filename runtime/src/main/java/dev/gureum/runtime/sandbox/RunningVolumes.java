package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.AttachedDisk;
import dev.gureum.core.runtime.InstanceRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

/**
 * EBS volumes attached to and detached from running sandbox instances, on each instance's queue: mounted inside
 * it, and kept in the launch spec a reboot or start boots from.
 */
final class RunningVolumes {
    static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final InstanceQueues queues;
    private final RunningInstances running;
    private final SandboxHost host;
    private final ExecutorService workers;

    RunningVolumes(InstanceQueues queues, RunningInstances running, SandboxHost host, ExecutorService workers) {
        this.queues = queues;
        this.running = running;
        this.host = host;
        this.workers = workers;
    }

    /** Mounts the volume inside the instance if it runs here, and keeps it in the spec a reboot boots from. */
    void attach(InstanceRef instance, AttachedDisk volume) {
        queues.queue(instance).submit(() -> {
            InstanceFiles files = queues.files(instance);
            if (!running.contains(instance)) {
                return;
            }
            try {
                LaunchSpecFile.read(files).ifPresent(spec -> LaunchSpecFile.write(files, spec.withDisks(
                        Stream.concat(spec.disks().stream().filter(disk -> !disk.device().equals(volume.device())),
                                Stream.of(volume)).toList())));
                host.attachDisk(files, volume);
            } catch (RuntimeException e) {
                SandboxRuntime.failed(instance, files, "attaching " + volume.device(), e);
            }
        });
    }

    /**
     * Unmounts the volume inside the instance; while a process there uses it, tries again every
     * {@link #BUSY_RETRY} (outside the instance's queue, so a stop is never held up) until it is free, forced,
     * or gone with the instance's stop.
     */
    CompletableFuture<Void> detach(InstanceRef instance, AttachedDisk volume, boolean force, Runnable whileBusy) {
        CompletableFuture<Void> detached = new CompletableFuture<>();
        workers.submit(() -> {
            boolean toldBusy = false;
            while (!workers.isShutdown()) {
                boolean gone;
                try {
                    gone = queues.queue(instance).submit(() -> detachOnce(instance, volume, force))
                            .thenApply(unused -> true).get();
                } catch (java.util.concurrent.ExecutionException busyOrFailed) {
                    gone = !(busyOrFailed.getCause() instanceof VolumeBusy);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (gone) {
                    detached.complete(null);
                    return;
                }
                if (!toldBusy) {
                    toldBusy = true;
                    whileBusy.run();
                }
                try {
                    Thread.sleep(BUSY_RETRY.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        return detached;
    }

    /** One attempt at unmounting a volume; throws {@link VolumeBusy} while the instance uses it. */
    private void detachOnce(InstanceRef instance, AttachedDisk volume, boolean force) {
        InstanceFiles files = queues.files(instance);
        if (running.contains(instance) && !host.detachDisk(files, volume, force)) {
            throw new VolumeBusy();
        }
        LaunchSpecFile.read(files).ifPresent(spec -> LaunchSpecFile.write(files, spec.withDisks(
                spec.disks().stream().filter(disk -> !disk.device().equals(volume.device())).toList())));
    }

    /** A volume a process inside the instance still uses. */
    private static final class VolumeBusy extends RuntimeException {
        VolumeBusy() {
            super("the volume is in use inside the instance", null, false, false);
        }
    }
}
