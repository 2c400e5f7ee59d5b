package dev.gureum.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Gureum server in its own JVM, started from the built jar the way users start it, on a free
 * loopback port with a temporary data directory. {@link #kill()} is {@code kill -9}; {@link #close()}
 * stops it and deletes the data directory, so a test leaves nothing behind.
 */
public final class GureumProcess implements AutoCloseable {
    /** What {@code gureum doctor} said: ready or not, and its checks. */
    public record Doctor(boolean ready, String output) {
    }

    private final Path dataDirectory;
    private final List<String> extraOptions;
    /** Variables set in the server's environment besides this JVM's. */
    private java.util.Map<String, String> environment = java.util.Map.of();
    private final Path log;
    private Process process;
    private int port;

    private GureumProcess(Path dataDirectory, List<String> extraOptions) throws IOException {
        this.dataDirectory = dataDirectory;
        this.extraOptions = List.copyOf(extraOptions);
        this.log = Files.createTempFile("gureum-it", ".log");
    }

    /** As {@link #start(String...)}, with {@code environment} added to the server's environment. */
    public static GureumProcess start(java.util.Map<String, String> environment, String... extraOptions) {
        try {
            GureumProcess server = new GureumProcess(Files.createTempDirectory("gureum-it-data"), List.of(extraOptions));
            server.environment = java.util.Map.copyOf(environment);
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GureumProcess start(String... extraOptions) {
        try {
            GureumProcess server = new GureumProcess(Files.createTempDirectory("gureum-it-data"), List.of(extraOptions));
            server.launch();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server again on the same port and data directory, after {@link #kill()}: a second process
     * beside a live one would find the port taken, and the health check would answer for the first.
     */
    public void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("kill() the server before restarting it");
        }
        launch();
    }

    private void launch() {
        try {
            if (port == 0) {
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(ServerClassArchive.flags(serverJar()));
            command.addAll(List.of("-jar", serverJar().toString(), "serve",
                    "--port", Integer.toString(port), "--data-dir", dataDirectory.toString()));
            command.addAll(extraOptions);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            try {
                awaitHealthy(Duration.ofSeconds(30));
            } catch (IllegalStateException e) {
                kill();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gureum doctor} from the built jar: whether this host can run the sandbox runtime, and why not. */
    /** Skips the calling tests unless this host runs the sandbox runtime, with the doctor's reasons. */
    static void assumeSandboxRuns() {
        Doctor doctor = doctor();
        org.junit.jupiter.api.Assumptions.assumeTrue(doctor.ready(),
                () -> "the sandbox runtime cannot run here:\n" + doctor.output());
    }

    public static Doctor doctor() {
        try {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", serverJar().toString(), "doctor").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Doctor(process.waitFor() == 0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One {@code gureum} command (as the launcher passes it to the jar): its exit status and what it printed. */
    public static Doctor cli(String... arguments) {
        try {
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", serverJar().toString()));
            command.addAll(java.util.List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Doctor(process.waitFor() == 0, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path serverJar() {
        Path jar = Path.of(System.getProperty("gureum.serverJar", "../server/target/gureum-server.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the server first: " + jar.toAbsolutePath() + " is missing");
        }
        return jar;
    }

    /** Calls one of the server's admin endpoints and answers its JSON body; anything but 200 fails. */
    public String admin(String method, String pathAndQuery) {
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
            java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
                    endpoint().resolve(pathAndQuery)).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " " + pathAndQuery + ": " + response.statusCode() + " "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Moves a server started with {@code --clock manual} on by some seconds. */
    public void advanceClock(int seconds) {
        admin("POST", "/_gureum/clock/advance?seconds=" + seconds);
    }

    /**
     * On the manual clock: when less than {@code advances} is left of the month, moves the clock into the next one,
     * so that a test class advancing it by that much reads all its usage on one month's bill, whatever the day the
     * suite runs on.
     */
    public void keepWithinOneMonth(java.time.Duration advances) {
        java.time.ZonedDateTime start = now().atZone(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime nextMonth = start.withDayOfMonth(1).plusMonths(1)
                .truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        long left = java.time.Duration.between(start, nextMonth).toSeconds();
        if (left < advances.toSeconds()) {
            advanceClock((int) left + 60);
        }
    }

    /** The server's clock, as its health answer says. */
    public java.time.Instant now() {
        java.util.regex.Matcher now = java.util.regex.Pattern.compile("\"now\":\"([^\"]+)\"")
                .matcher(admin("GET", "/_gureum/health"));
        if (!now.find()) {
            throw new IllegalStateException("the health answer has no time");
        }
        return java.time.Instant.parse(now.group(1));
    }

    /**
     * On the manual clock: moves the clock a second at a time, with a short pause for work that follows it off
     * the request threads (an alarm's action), until the instance is in {@code state}.
     */
    public void awaitInstanceState(software.amazon.awssdk.services.ec2.Ec2Client ec2, String id, String state) {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state()
                    .nameAsString().equals(state)) {
                return;
            }
            advanceClock(1);
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(id + " never reached " + state);
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: " + logText());
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint().resolve("/_gureum/health").toURL().openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server did not become healthy: " + logText());
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as a user's Ctrl-C: the server shuts down in order; its data directory stays until close. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
        deleteRecursively(dataDirectory);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a leftover temp log is harmless
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // already gone
        }
    }
}
