package dev.gureum.runtime.sandbox;

import dev.gureum.core.runtime.InstanceRef;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Loopback port-forwards ({@code gureum serve --forward-ports 22,80}): while an instance runs, each listed
 * port of it is reachable at {@code 127.0.0.1:<a free port>} on the host, for users who cannot route to the
 * simulated internet or the cloud's private addresses (a client in a container, a tunnel that only carries
 * loopback). The runtime itself relays the bytes to the instance's private address, so the connection
 * reaches it from the host's uplink as an SSH from the host would (its security groups and ACLs decide).
 * Each forward is announced on the instance's console ({@code forwarding 127.0.0.1:41234 to port 22}) and
 * in the server's log, and closed, with its connections, when the instance stops, reboots or terminates.
 */
final class LoopbackForwards {
    private static final Logger LOG = Logger.getLogger(LoopbackForwards.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final List<Integer> ports;
    private final ExecutorService relays = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<InstanceRef, List<java.io.Closeable>> open = new ConcurrentHashMap<>();

    LoopbackForwards(List<Integer> ports) {
        this.ports = List.copyOf(ports);
    }

    /** Opens the instance's forwards (none when no port is configured); the console tells where they are. */
    void open(InstanceRef instance, String privateAddress, Path console) {
        if (ports.isEmpty() || privateAddress == null) {
            return;
        }
        close(instance);
        List<java.io.Closeable> resources = new ArrayList<>();
        open.put(instance, resources);
        for (int port : ports) {
            try {
                ServerSocket listener = new ServerSocket();
                listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                synchronized (resources) {
                    resources.add(listener);
                }
                String line = "forwarding 127.0.0.1:" + listener.getLocalPort() + " to port " + port;
                ConsoleFile.note(console, line);
                LOG.info(instance.instanceId() + ": " + line);
                relays.submit(() -> accept(listener, resources, new InetSocketAddress(privateAddress, port)));
            } catch (IOException e) {
                ConsoleFile.note(console, "cannot forward a loopback port to port " + port + ": " + e.getMessage());
            }
        }
    }

    /** Closes the instance's forwards and every connection through them. */
    void close(InstanceRef instance) {
        List<java.io.Closeable> resources = open.remove(instance);
        if (resources == null) {
            return;
        }
        synchronized (resources) {
            for (java.io.Closeable resource : resources) {
                try {
                    resource.close();
                } catch (IOException ignored) {
                    // closing is all that is asked
                }
            }
            resources.clear();
        }
    }

    /** Closes every forward (the runtime closes or is reset). */
    void closeAll() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private void accept(ServerSocket listener, List<java.io.Closeable> resources, InetSocketAddress target) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            relays.submit(() -> relay(client, resources, target));
        }
    }

    private void relay(Socket client, List<java.io.Closeable> resources, InetSocketAddress target) {
        Socket server = new Socket();
        synchronized (resources) {
            resources.add(client);
            resources.add(server);
        }
        try {
            server.connect(target, CONNECT_TIMEOUT_MILLIS);
            java.util.concurrent.Future<?> back = relays.submit(() -> copy(server, client));
            copy(client, server);
            back.get();
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            // the instance refused or went away: the client sees its connection closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            closeQuietly(server);
            synchronized (resources) {
                resources.remove(client);
                resources.remove(server);
            }
        }
    }

    /** Copies one direction to its end, then half-closes the other side so the peer sees end of file. */
    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
