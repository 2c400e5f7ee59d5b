package dev.gureum.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds of the image cache by {@code gureum image build}, each in its own process with its output in a log
 * under {@code target/}: started in the background when a run begins ({@link ImageCachePrebuild}) and awaited
 * by the test that launches the image, which fails with the build's log when the build failed. The server
 * locks the cache while it builds, so a server launching the image meanwhile waits for this build. A build
 * still running when the run ends or the JVM exits is ended: debootstrap first, with SIGTERM, so its trap
 * unmounts what it mounted in the image, then the builder, which deletes its half-made image.
 */
final class ImageCacheBuilds {
    /** The cache the tests share across runs, unless GUREUM_IMAGE_CACHE names another (e.g. a fresh one). */
    private static final String DEFAULT_CACHE = "/var/cache/gureum/images";
    /** How long debootstrap and the builder get to clean up after SIGTERM before they are killed. */
    private static final Duration CLEAN_UP = Duration.ofSeconds(60);
    private static final int LOG_LINES_SHOWN = 80;

    /** A build: its process, its log, when it started. */
    private record Build(Process process, Path log, long startedNanos) {
    }

    private static final Map<String, Build> BUILDS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ImageCacheBuilds::stopAll, "image-cache-builds-stop"));
    }

    private ImageCacheBuilds() {
    }

    /** The image cache the sandbox tests use. */
    static Path cache() {
        String named = System.getenv("GUREUM_IMAGE_CACHE");
        return Path.of(named == null || named.isBlank() ? DEFAULT_CACHE : named);
    }

    /** Starts building {@code image} into {@code cache} unless a build of it was started already. */
    static void startInBackground(String image, Path cache) {
        BUILDS.computeIfAbsent(key(image, cache), unused -> launch(image, cache));
    }

    /**
     * Waits for the build of {@code image} into {@code cache} (started now if none was) and answers how long this
     * call waited; a build that failed or outlasts {@code timeout} fails the caller with its log.
     */
    static Duration awaitBuilt(String image, Path cache, Duration timeout) {
        long asked = System.nanoTime();
        Build build = BUILDS.computeIfAbsent(key(image, cache), unused -> launch(image, cache));
        try {
            if (!build.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                end(build);
                throw new AssertionError("building the " + image + " image took more than " + timeout + "; "
                        + logOf(build));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (build.process().exitValue() != 0) {
            throw new AssertionError("building the " + image + " image into " + cache + " failed (exit "
                    + build.process().exitValue() + ", " + (System.nanoTime() - build.startedNanos()) / 1_000_000
                    + " ms after it started); " + logOf(build));
        }
        return Duration.ofNanos(System.nanoTime() - asked);
    }

    /** Ends every build still running. */
    static void stopAll() {
        BUILDS.values().forEach(ImageCacheBuilds::end);
    }

    private static Build launch(String image, Path cache) {
        try {
            Path logs = Files.isDirectory(Path.of("target")) ? Path.of("target") : Path.of(System.getProperty("java.io.tmpdir"));
            Path log = logs.resolve("image-build-" + image + ".log").toAbsolutePath();
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", GureumProcess.serverJar().toString(), "image", "build", image, "--cache", cache.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new Build(process, log, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start gureum image build " + image, e);
        }
    }

    private static void end(Build build) {
        Process builder = build.process();
        if (!builder.isAlive()) {
            return;
        }
        List<ProcessHandle> below = builder.descendants().toList();
        below.forEach(ProcessHandle::destroy);
        try {
            if (below.isEmpty()) {
                builder.destroy();
            }
            if (!builder.waitFor(CLEAN_UP.toMillis(), TimeUnit.MILLISECONDS)) {
                builder.descendants().forEach(ProcessHandle::destroyForcibly);
                builder.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String key(String image, Path cache) {
        return cache.toAbsolutePath().normalize() + "/" + image;
    }

    private static String logOf(Build build) {
        try {
            List<String> lines = Files.readAllLines(build.log(), StandardCharsets.UTF_8);
            return "its log, " + build.log() + (lines.size() > LOG_LINES_SHOWN ? " (last " + LOG_LINES_SHOWN + " lines)" : "")
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()));
        } catch (IOException e) {
            return "its log " + build.log() + " cannot be read: " + e;
        }
    }
}
