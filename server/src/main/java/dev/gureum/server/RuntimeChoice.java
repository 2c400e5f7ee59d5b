package dev.gureum.server;

import dev.gureum.core.runtime.InstanceRuntime;
import dev.gureum.core.runtime.RuntimeObserver;
import dev.gureum.core.time.ClockScheduler;
import dev.gureum.runtime.sandbox.SandboxProbe;
import dev.gureum.runtime.sandbox.SandboxRuntime;
import dev.gureum.runtime.simulated.SimulatedRuntime;
import java.util.List;

/**
 * Which runtime runs instances, from {@code --runtime}: the simulated one anywhere, the sandbox only on a
 * host that passes every {@link SandboxProbe} check — otherwise the server refuses to start and lists what
 * is missing, the same list {@code gureum doctor} prints.
 */
public final class RuntimeChoice {
    /** Makes the runtime once the cloud's scheduler and observer exist. */
    @FunctionalInterface
    public interface Factory {
        InstanceRuntime create(ClockScheduler scheduler, RuntimeObserver observer);
    }

    private RuntimeChoice() {
    }

    public static Factory of(ServeOptions options) {
        return switch (options.runtime()) {
            case SIMULATED -> (scheduler, observer) -> new SimulatedRuntime(scheduler, observer, options.simulatedDelay());
            case SANDBOX -> {
                List<String> problems = SandboxProbe.problems(SandboxProbe.run());
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("the sandbox runtime cannot run on this host:\n  "
                            + String.join("\n  ", problems) + "\n(./gureum doctor prints every check;"
                            + " --runtime simulated runs anywhere)");
                }
                yield (scheduler, observer) -> SandboxRuntime.open(options.dataDirectory(), observer, options.publicIpPool(),
                        options.forwardPorts());
            }
        };
    }
}
