package dev.gureum.core.runtime;

/**
 * What really runs instances. Commands are asynchronous: the runtime carries them out and reports what
 * it observed (running, stopped, gone, failed) to its {@link RuntimeObserver}; core decides the EC2
 * state from that through the lifecycle table. Narrow on purpose, so it can sit behind an RPC on
 * another host later.
 */
public interface InstanceRuntime extends AutoCloseable {

    void launch(LaunchSpec spec);

    void start(LaunchSpec spec);

    void stop(InstanceRef instance);

    void reboot(InstanceRef instance);

    void terminate(InstanceRef instance);

    /** What the instance printed on its console (boot messages, user-data output), possibly empty. */
    String consoleOutput(InstanceRef instance);

    /** The runtime's name for the health endpoint: simulated, sandbox. */
    String name();

    @Override
    void close();
}
