package dev.gureum.runtime.sandbox;

import dev.gureum.core.network.Ipv4Cidr;
import dev.gureum.core.runtime.InstanceMetadataSource;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.MetadataAnswer;
import dev.gureum.core.runtime.MetadataRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The instance metadata service at 169.254.169.254:80 of every VPC namespace, served by this process: each VPC
 * gets a listener on the host end of its uplink (an ephemeral port of that link-local address, so several
 * Gureums on one host never collide), its namespace DNATs instances' metadata connections there
 * ({@link MetadataScript}), and a policy rule sends the listener's answers back through that same uplink
 * ({@code ip rule from <host end> lookup <table>}), so VPCs with the same blocks each get their own answers.
 * A connection's VPC (the listener it reached) and source address (anti-spoofing keeps it honest) name exactly
 * one running instance; core answers for that instance only. Nothing else of the host is reachable from an
 * instance: the VPC firewall lets out of the uplink only connections DNAT'd from 169.254.169.254.
 */
final class VpcMetadata {
    private static final Logger LOG = Logger.getLogger(VpcMetadata.class.getName());
    static final String RULE_PREFERENCE = "4242";
    private static final long TABLE_BASE = 4_200_000L;
    private static final byte[] NOT_FOUND = "404 - Not Found".getBytes(StandardCharsets.UTF_8);

    private final HostTools tools;
    private final BiFunction<String, String, Optional<InstanceRef>> callers;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
    private volatile InstanceMetadataSource source;

    /** {@code callers} names the running instance with a private address in a VPC, if there is one. */
    VpcMetadata(HostTools tools, BiFunction<String, String, Optional<InstanceRef>> callers) {
        this.tools = tools;
        this.callers = callers;
    }

    void serve(InstanceMetadataSource metadata) {
        this.source = metadata;
    }

    private record Listener(ServerSocketChannel socket, String hostAddress) {
    }

    boolean serves(String vpcId) {
        Listener current = listeners.get(vpcId);
        return current != null && current.socket().isOpen();
    }

    /** Serves the VPC's namespace unless it is served already; the namespace and its uplink exist. */
    synchronized void attachIfAbsent(String vpcId, String hostAddress, String hostUplink) {
        if (serves(vpcId)) {
            return;
        }
        ServerSocketChannel socket;
        try {
            socket = ServerSocketChannel.open(StandardProtocolFamily.INET);
            socket.bind(new InetSocketAddress(hostAddress, 0));
        } catch (IOException e) {
            throw new SandboxException("cannot listen for metadata requests on " + hostAddress + ": " + e.getMessage());
        }
        try {
            int port = ((InetSocketAddress) socket.getLocalAddress()).getPort();
            String table = table(hostAddress);
            HostCommand.attempt(ip("rule", "del", "from", hostAddress, "lookup", table));
            HostCommand.run(ip("rule", "add", "from", hostAddress, "lookup", table, "pref", RULE_PREFERENCE));
            HostCommand.run(ip("route", "replace", "default", "via", peerOf(hostAddress), "dev", hostUplink,
                    "table", table));
            HostCommand.Result loaded = HostCommand.attempt(List.of(tools.ip().toString(), "netns", "exec",
                    NetworkNames.namespace(vpcId), tools.nft().toString(), "-f", "-"),
                    MetadataScript.render(hostAddress, port));
            if (!loaded.succeeded()) {
                throw new SandboxException("cannot load the metadata rules of " + vpcId + ": " + loaded.output().strip());
            }
        } catch (IOException | RuntimeException e) {
            close(socket);
            HostCommand.attempt(ip("rule", "del", "from", hostAddress, "lookup", table(hostAddress)));
            throw e instanceof SandboxException sandbox ? sandbox : new SandboxException(e.getMessage());
        }
        listeners.put(vpcId, new Listener(socket, hostAddress));
        threads.submit(() -> accept(vpcId, socket));
    }

    /** Stops serving the VPC (its namespace is going away, taking its rules and the table's route with it). */
    synchronized void detach(String vpcId) {
        Listener listener = listeners.remove(vpcId);
        if (listener != null) {
            close(listener.socket());
            HostCommand.attempt(ip("rule", "del", "from", listener.hostAddress(), "lookup", table(listener.hostAddress())));
        }
    }

    private void accept(String vpcId, ServerSocketChannel socket) {
        while (socket.isOpen()) {
            SocketChannel connection;
            try {
                connection = socket.accept();
            } catch (IOException closed) {
                return;
            }
            threads.submit(() -> serve(vpcId, connection));
        }
    }

    private void serve(String vpcId, SocketChannel connection) {
        try (connection) {
            String address = ((InetSocketAddress) connection.getRemoteAddress()).getAddress().getHostAddress();
            Optional<InstanceRef> caller = callers.apply(vpcId, address);
            InstanceMetadataSource metadata = source;
            MetadataHttp.serve(connection, request -> caller.isEmpty() || metadata == null
                    ? new MetadataAnswer(404, "text/plain", Map.of(), NOT_FOUND, 0)
                    : answer(metadata, caller.get(), request));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "metadata connection in " + vpcId + " ended: " + e.getMessage(), e);
        }
    }

    private static MetadataAnswer answer(InstanceMetadataSource metadata, InstanceRef caller, MetadataRequest request) {
        try {
            return metadata.answer(caller, request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "metadata request of " + caller.instanceId() + " failed: " + e.getMessage(), e);
            return new MetadataAnswer(500, "text/plain", Map.of(), new byte[0], 0);
        }
    }

    /** The routing table of a VPC's answers, numbered after its uplink's /30 so Gureums on one host differ. */
    static String table(String hostAddress) {
        long slot = (Ipv4Cidr.parseAddress(hostAddress) - Ipv4Cidr.parseAddress("169.254.0.0")) >> 2;
        return String.valueOf(TABLE_BASE + slot);
    }

    private static String peerOf(String hostAddress) {
        return Ipv4Cidr.formatAddress(Ipv4Cidr.parseAddress(hostAddress) + 1);
    }

    private static void close(ServerSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.fine("closing a metadata listener: " + e.getMessage());
        }
    }

    private List<String> ip(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ip().toString()));
        command.addAll(List.of(arguments));
        return command;
    }
}
