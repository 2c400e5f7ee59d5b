package dev.gureum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One benchmark's temporary directory, its copy of the server build and the child processes it started.
 * {@link #close()} stops every child still running and deletes the directory; a shutdown hook does the
 * same when the benchmark JVM is interrupted, so nothing outlives a run, failed or not.
 */
final class Workspace implements AutoCloseable {
    private final Path directory;
    private final Thread hook;
    private final List<Process> processes = new ArrayList<>();
    private Path serverJar;
    private boolean closed;

    private Workspace(Path directory) {
        this.directory = directory;
        this.hook = new Thread(this::close, "gureum-bench-cleanup");
    }

    static Workspace create(String name) throws IOException {
        Workspace workspace = new Workspace(Files.createTempDirectory("gureum-bench-" + name + "-"));
        Runtime.getRuntime().addShutdownHook(workspace.hook);
        return workspace;
    }

    Path directory() {
        return directory;
    }

    /** This benchmark's copy of the built server jar, taken on first use. */
    synchronized Path serverJar() throws IOException {
        if (serverJar == null) {
            serverJar = Locations.copyServer(Files.createDirectories(directory.resolve("server")));
        }
        return serverJar;
    }

    /** Starts a child process that {@link #close()} will stop if it is still running. */
    synchronized Process start(ProcessBuilder builder) throws IOException {
        if (closed) {
            throw new IllegalStateException("the workspace is closed");
        }
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /** Asks a child to exit (SIGTERM, so a JVM writes its class data archive, which takes seconds), then kills it after 30 s. */
    void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            processes.remove(process);
        }
    }

    @Override
    public void close() {
        List<Process> running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = List.copyOf(processes);
        }
        running.forEach(this::stop);
        deleteRecursively(directory);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // this call came from the hook itself
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("gureum-bench: could not delete " + root + ": " + e.getMessage());
        }
    }
}
