package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLibraryTest {
    @TempDir
    Path directory;

    @Test
    void aLaunchOfAnAnnouncedImageWaitsUntilItIsMade() throws Exception {
        ImageLibrary images = new ImageLibrary(directory, null);
        images.expect("ami-0123456789abcdef0");
        CountDownLatch asked = new CountDownLatch(1);
        CompletableFuture<RootImage> launch = CompletableFuture.supplyAsync(() -> {
            asked.countDown();
            return images.image("ami-0123456789abcdef0");
        });
        assertTrue(asked.await(5, TimeUnit.SECONDS));
        Thread.sleep(100);
        assertTrue(!launch.isDone(), "the launch waits for the image");
        images.make("ami-0123456789abcdef0", "admin", rootfs -> Files.writeString(rootfs.resolve("marker"), "x"));
        RootImage image = launch.get(5, TimeUnit.SECONDS);
        assertEquals("admin", image.defaultUser());
        assertTrue(Files.exists(image.root().resolve("marker")));
        assertTrue(!Files.exists(directory.resolve("ami-0123456789abcdef0.building")));
    }

    @Test
    void anAbandonedImageFailsItsWaitingLaunchesAndAFailedFillLeavesNothing() {
        ImageLibrary images = new ImageLibrary(directory, null);
        images.expect("ami-1");
        images.abandon("ami-1", new SandboxException("the disk is gone"));
        assertThrows(SandboxException.class, () -> images.image("ami-1"));
        assertThrows(SandboxException.class, () -> images.make("ami-2", "admin", rootfs -> {
            throw new java.io.IOException("no sshd");
        }));
        assertTrue(!Files.exists(directory.resolve("ami-2")) && !Files.exists(directory.resolve("ami-2.building")));
        assertThrows(SandboxException.class, () -> images.image("../etc"), "a name is a directory name only");
    }
}
