package dev.gureum.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh JVM, started with the server's JVM flags, that runs a benchmark's measuring {@code main} on a data
 * directory and prints one {@code FIGURE <key> <value>} line per figure; what it printed, read back.
 */
final class MeasuringJvm {
    private static final Pattern FIGURE = Pattern.compile("^FIGURE (\\w+) (\\S+)$", Pattern.MULTILINE);

    private MeasuringJvm() {
    }

    /** Runs {@code main}'s class in a child JVM and answers its figures, all of {@code expected} present. */
    static Map<String, Double> figures(Workspace workspace, Class<?> main, Path data, Collection<String> expected)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Locations.javaExecutable().toString());
        command.addAll(Locations.serverJvmFlags());
        command.addAll(List.of("-cp", Locations.benchClassPath().toString(), main.getName(), data.toString()));
        Process process = workspace.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the measuring JVM failed: " + output);
        }
        Map<String, Double> figures = new LinkedHashMap<>();
        Matcher matcher = FIGURE.matcher(output);
        while (matcher.find()) {
            figures.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        if (!figures.keySet().containsAll(expected)) {
            throw new IllegalStateException("the measuring JVM reported " + figures.keySet() + ": " + output);
        }
        return figures;
    }

    /** The line a measuring JVM prints for one figure. */
    static void print(String key, double value) {
        System.out.println("FIGURE " + key + " " + value);
    }
}
