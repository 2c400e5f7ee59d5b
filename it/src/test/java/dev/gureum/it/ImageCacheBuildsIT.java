package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build of the image cache that fails is the failure of the test awaiting it, with the build's log: a
 * background build is never swallowed (a server would otherwise start a second build and might hide the first
 * one's failure).
 */
class ImageCacheBuildsIT {
    @TempDir
    Path directory;

    @Test
    void aFailedBuildFailsTheTestAwaitingItWithTheBuildsLog() throws Exception {
        Path notADirectory = Files.writeString(directory.resolve("a-file"), "x");
        Path cache = notADirectory.resolve("cache");
        ImageCacheBuilds.startInBackground(SandboxDebianIT.IMAGE, cache);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> ImageCacheBuilds.awaitBuilt(SandboxDebianIT.IMAGE, cache, Duration.ofMinutes(1)));
        assertTrue(failure.getMessage().contains("failed (exit 1"), failure.getMessage());
        assertTrue(failure.getMessage().contains("gureum: cannot lock "
                + cache.resolve("debian-12-r3.lock")), failure.getMessage());
        assertThrows(AssertionError.class,
                () -> ImageCacheBuilds.awaitBuilt(SandboxDebianIT.IMAGE, cache, Duration.ofMinutes(1)),
                "every test awaiting it sees the failure, not a second build's result");
    }
}
