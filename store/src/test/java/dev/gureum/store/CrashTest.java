package dev.gureum.store;

import dev.gureum.core.store.StoreUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Versioned;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL and checks that every write it had acknowledged is on disk.
 * The child compacts often, so a kill can also land in the middle of a compaction. While the child
 * runs, its lock keeps this process from opening the same directory.
 */
class CrashTest {
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;

    @TempDir
    Path temporary;

    @Test
    void everyAcknowledgedWriteSurvivesKill() throws Exception {
        Path dataDirectory = temporary.resolve("data");
        Path errors = temporary.resolve("child-errors.txt");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dataDirectory.toString(), "16384")
                .redirectError(errors.toFile())
                .start();
        List<String> acknowledged;
        try {
            acknowledged = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> readAcknowledgements(child));
            StoreUnavailableException refusal =
                    assertThrows(StoreUnavailableException.class, () -> EmbeddedStore.open(dataDirectory));
            assertTrue(refusal.getMessage().contains("another process"), refusal.getMessage());
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertEquals(ACKNOWLEDGEMENTS_BEFORE_KILL, acknowledged.size(), () -> "the child stopped early: " + read(errors));

        try (EmbeddedStore store = EmbeddedStore.open(dataDirectory)) {
            for (String id : acknowledged) {
                RecordKey key = new RecordKey(CrashWriter.ACCOUNT, CrashWriter.REGION, id);
                Versioned<Sample> record = store.get(Sample.KIND, key).orElse(null);
                assertNotNull(record, () -> "acknowledged but lost: " + id);
                assertEquals(new Versioned<>(key, 1, CrashWriter.valueOf(id)), record);
            }
            assertTrue(store.list(Sample.KIND, CrashWriter.ACCOUNT, CrashWriter.REGION).size() >= acknowledged.size());
        }
    }

    private static List<String> readAcknowledgements(Process child) throws IOException {
        List<String> acknowledged = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL) {
            String line = lines.readLine();
            if (line == null) {
                break;
            }
            assertTrue(line.matches("w\\d+-\\d+"), () -> "unexpected output: " + line);
            acknowledged.add(line);
        }
        return acknowledged;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no error output: " + e.getMessage() + ")";
        }
    }
}
