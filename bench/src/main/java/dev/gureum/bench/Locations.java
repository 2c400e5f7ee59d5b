package dev.gureum.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the benchmarks find what they run: the JDK running them, the repository they were built in
 * (found from this jar, {@code bench/target/gureum-bench.jar}) and the server built beside it.
 */
final class Locations {
    private Locations() {
    }

    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The flags the launcher starts the server JVM with ({@code GUREUM_SERVER_JVM_FLAGS}, set by
     * {@code ./gureum bench}), so measured servers run as served ones do.
     */
    static List<String> serverJvmFlags() {
        String flags = System.getenv().getOrDefault("GUREUM_SERVER_JVM_FLAGS", "").strip();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    /** The bench jar (or classes directory) this code was loaded from. */
    static Path benchClassPath() {
        try {
            return Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bench jar", e);
        }
    }

    static Path repository() {
        return benchClassPath().toAbsolutePath().getParent().getParent().getParent();
    }

    /**
     * Copies the built server (its jar and {@code lib/}) into {@code directory} and answers the copied jar,
     * so a rebuild during the benchmark neither mixes two builds nor invalidates the class data archive.
     */
    static Path copyServer(Path directory) throws IOException {
        Path target = repository().resolve("server/target");
        Path jar = target.resolve("gureum-server.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the server first (mvn -pl server -am package): " + jar + " is missing");
        }
        Path libraries = Files.createDirectories(directory.resolve("lib"));
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path library : jars.toList()) {
                Files.copy(library, libraries.resolve(library.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return Files.copy(jar, directory.resolve(jar.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
    }
}
