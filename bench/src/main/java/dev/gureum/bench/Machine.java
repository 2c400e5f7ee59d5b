package dev.gureum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The facts a benchmark figure is meaningless without: when, how many cores, which CPU, which JDK. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        return "date " + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)
                + ", " + Runtime.getRuntime().availableProcessors() + " cores"
                + ", cpu " + cpuModel()
                + ", jdk " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version");
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
