package dev.gureum.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Gureum server in its own JVM, started from the built jar as {@code ./gureum serve} starts it, on a
 * chosen loopback port with a data directory of its own. Its output goes to a log in the workspace,
 * quoted when it fails to start.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_INTERVAL_MILLIS = 2;

    private final Workspace workspace;
    private final Process process;
    private final int port;
    private final Path dataDirectory;
    private final Path log;

    private ServerProcess(Workspace workspace, Process process, int port, Path dataDirectory, Path log) {
        this.workspace = workspace;
        this.process = process;
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /** A loopback port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The launcher's class data sharing options: the first run records {@code archive} as it exits, later
     * runs start from it. Recording a whole server's classes takes seconds, so only cold starts use them.
     */
    static List<String> sharedArchiveOptions(Path archive) {
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    /** Spawns the server; the caller picked {@code port} (the signed request names it) before the clock started. */
    static ServerProcess spawn(Workspace workspace, List<String> javaOptions, int port, String name) throws IOException {
        return spawn(workspace, javaOptions, port, name, List.of(), Map.of());
    }

    /** As {@link #spawn(Workspace, List, int, String)}, with more {@code serve} options and environment variables. */
    static ServerProcess spawn(Workspace workspace, List<String> javaOptions, int port, String name,
                               List<String> serveOptions, Map<String, String> environment) throws IOException {
        Path dataDirectory = workspace.directory().resolve(name + "-data");
        Path log = workspace.directory().resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Locations.javaExecutable().toString());
        command.addAll(Locations.serverJvmFlags());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", workspace.serverJar().toString(),
                "serve", "--port", Integer.toString(port), "--data-dir", dataDirectory.toString()));
        command.addAll(serveOptions);
        ProcessBuilder builder = new ProcessBuilder(command).directory(Locations.repository().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = workspace.start(builder);
        return new ServerProcess(workspace, process, port, dataDirectory, log);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * Sends {@code request} until the server answers it, retrying while nothing listens on the port.
     *
     * @throws IllegalStateException if the server exits, answers other than 200, or is not up in time
     */
    HttpExchange.Response awaitAnswer(byte[] request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with status " + process.exitValue() + ":\n" + logText());
            }
            try {
                HttpExchange.Response response = HttpExchange.send(port, request, Duration.ofSeconds(10));
                if (response.status() != 200) {
                    throw new IllegalStateException("the server answered " + response.status() + ": " + response.bodyText());
                }
                return response;
            } catch (ConnectException notListeningYet) {
                Thread.sleep(POLL_INTERVAL_MILLIS);
            }
        }
        throw new IllegalStateException("the server did not answer within " + START_TIMEOUT + ":\n" + logText());
    }

    /** The server's output so far (its log file). */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the server (SIGTERM, so a recording JVM writes its class data archive) and deletes its data. */
    @Override
    public void close() {
        workspace.stop(process);
        Workspace.deleteRecursively(dataDirectory);
    }
}
