package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBuildLockTest {
    @TempDir
    Path cache;

    @Test
    void aSecondBuilderWaitsUntilTheFirstLetsGo() throws Exception {
        ImageBuildLock first = ImageBuildLock.hold(cache, "debian-12");
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
            try (ImageBuildLock held = ImageBuildLock.hold(cache, "debian-12")) {
                return "held";
            }
        });
        assertThrows(TimeoutException.class, () -> second.get(200, TimeUnit.MILLISECONDS), "the second one waits");
        first.close();
        assertEquals("held", second.get(5, TimeUnit.SECONDS));
        assertTrue(Files.exists(cache.resolve("debian-12.lock")));
    }

    @Test
    void locksOfDifferentImagesAreIndependent() throws Exception {
        try (ImageBuildLock debian = ImageBuildLock.hold(cache, "debian-12")) {
            CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> {
                try (ImageBuildLock held = ImageBuildLock.hold(cache, "gureum-tiny")) {
                    return "held";
                }
            });
            assertEquals("held", other.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void theCacheTakesOnlyTheImagesItKnows() {
        assertThrows(IllegalArgumentException.class, () -> ImageCache.build("ubuntu-24.04", cache, line -> { }));
    }
}
