package dev.gureum.runtime.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * crun, driven as a command with its state kept under this runtime's own root, so {@code list} sees only
 * Gureum's containers. On a hybrid cgroup host crun refuses to run while cgroup2 is mounted beside the
 * v1 trees ("cgroups in hybrid mode not supported"), so every call runs in a private mount namespace
 * with {@code /sys/fs/cgroup/unified} unmounted; the host's own mounts are untouched.
 */
final class Crun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HIDE_UNIFIED = "umount /sys/fs/cgroup/unified 2>/dev/null; exec \"$0\" \"$@\"";

    /** What crun says of a container: created, running or stopped, and its init's host pid (0 when none). */
    record State(String status, long pid) {
        boolean running() {
            return "running".equals(status) || "created".equals(status);
        }
    }

    private final HostTools tools;
    private final Path stateRoot;

    Crun(HostTools tools, Path stateRoot) {
        this.tools = tools;
        this.stateRoot = stateRoot;
    }

    /** crun without the private mount namespace, for calls that never touch cgroups. */
    private List<String> plain(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.crun().toString(), "--root", stateRoot.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.unshare().toString(), "-m", "--propagation", "slave",
                "/bin/sh", "-c", HIDE_UNIFIED, tools.crun().toString(), "--root", stateRoot.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /**
     * Creates and starts the container detached. Its init inherits crun's standard output and error, which
     * are the console file, so the console holds everything the instance prints from its first line.
     */
    void run(String id, Path bundle, Path console) {
        try {
            Files.createDirectories(stateRoot);
            long before = Files.exists(console) ? Files.size(console) : 0;
            List<String> command = command("run", "--detach", "--bundle", bundle.toString(), id);
            long began = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                    .start();
            int status = process.waitFor();
            HostCommand.trace(command, began);
            if (status != 0) {
                throw new SandboxException("crun could not start " + id + " (" + status + "): "
                        + ConsoleFile.since(console, before).strip());
            }
        } catch (IOException e) {
            throw new SandboxException("cannot run crun: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while starting " + id, e);
        }
    }

    Optional<State> state(String id) {
        HostCommand.Result result = HostCommand.attempt(plain("state", id));
        if (!result.succeeded()) {
            return Optional.empty();
        }
        try {
            JsonNode state = JSON.readTree(result.output());
            return Optional.of(new State(state.path("status").asText(), state.path("pid").asLong(0)));
        } catch (IOException e) {
            throw new SandboxException("crun state " + id + " printed no JSON: " + result.output(), e);
        }
    }

    /** Sends a signal to the container's init; a container that already ended is not an error. */
    void kill(String id, String signal) {
        HostCommand.attempt(plain("kill", id, signal));
    }

    /** Removes the container (killing what is left of it) and its cgroups; absent is fine. */
    void delete(String id) {
        HostCommand.Result result = HostCommand.attempt(command("delete", "--force", id));
        if (!result.succeeded() && state(id).isPresent()) {
            throw new SandboxException("crun delete " + id + " failed: " + result.output().strip());
        }
    }

    /** The ids of every container under this runtime's root. */
    List<String> list() {
        if (!Files.isDirectory(stateRoot)) {
            return List.of();
        }
        HostCommand.Result result = HostCommand.attempt(plain("list", "--quiet"));
        return result.succeeded() ? result.output().lines().map(String::strip).filter(line -> !line.isEmpty()).toList()
                : List.of();
    }
}
