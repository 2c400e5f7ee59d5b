package dev.gureum.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Class data sharing for the servers the tests start, as {@code ./gureum serve} has it: one server is started,
 * asked one signed request and stopped with an archive recorded at its exit ({@code -XX:ArchiveClassesAtExit}),
 * once per build of the jar, and every later server maps that archive instead of loading and verifying its
 * classes again (docs/benchmarks.md: a start to the first answer in about 0.8 s instead of 1.7 s; the suite
 * starts a server about 60 times). The archive sits beside the jar; a server given an archive that does not
 * match its jar ignores it ({@code -Xshare:auto}), and when recording fails the servers start without one.
 */
final class ServerClassArchive {
    private static final Duration RECORDING = Duration.ofSeconds(60);
    private static List<String> flags;

    private ServerClassArchive() {
    }

    /** The JVM flags that map the archive, recording it first when the jar is newer; none when that failed. */
    static synchronized List<String> flags(Path jar) {
        if (flags == null) {
            Path archive = jar.resolveSibling("gureum-it.jsa");
            flags = isCurrent(archive, jar) || record(archive, jar)
                    ? List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off")
                    : List.of();
        }
        return flags;
    }

    private static boolean isCurrent(Path archive, Path jar) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean record(Path archive, Path jar) {
        Path recording = archive.resolveSibling(archive.getFileName() + ".recording");
        Path data = null;
        Process server = null;
        try {
            data = Files.createTempDirectory("gureum-it-archive");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--data-dir", data.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            if (!awaitHealthy(server, endpoint)) {
                return false;
            }
            try (var ec2 = Clients.ec2(endpoint)) {
                ec2.describeRegions();
            }
            server.destroy();
            if (!server.waitFor(RECORDING.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(recording)) {
                return false;
            }
            Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("servers start without a class data archive: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (server != null && server.isAlive()) {
                server.destroyForcibly();
            }
            try {
                Files.deleteIfExists(recording);
                if (data != null) {
                    try (var paths = Files.walk(data)) {
                        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                    }
                }
            } catch (IOException ignored) {
                // a leftover temp directory is harmless
            }
        }
    }

    private static boolean awaitHealthy(Process server, URI endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.resolve("/_gureum/health").toURL()
                        .openConnection();
                connection.setConnectTimeout(200);
                if (connection.getResponseCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return false;
    }
}
