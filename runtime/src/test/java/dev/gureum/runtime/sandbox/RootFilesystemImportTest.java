package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootFilesystemImportTest {
    @TempDir
    Path root;

    @Test
    void linksAreFollowedInsideTheTreeAsTheInstanceSeesThem() throws Exception {
        // a usr-merged Debian: /bin -> usr/bin, /usr/bin/sh -> dash, sshd in /usr/sbin
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("usr/sbin"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.writeString(root.resolve("usr/bin/dash"), "");
        Files.createSymbolicLink(root.resolve("usr/bin/sh"), Path.of("dash"));
        Files.writeString(root.resolve("usr/sbin/sshd"), "");
        Files.writeString(root.resolve("usr/bin/ssh-keygen"), "");
        assertTrue(RootFilesystemImport.existsInside(root, "bin/sh"));
        assertEquals(List.of(), RootFilesystemImport.missing(root));
    }

    @Test
    void aLinkOutOfTheTreeIsReadInsideItAndWhatIsMissingIsNamed() throws Exception {
        Files.createDirectories(root.resolve("bin"));
        // an absolute link names the instance's /usr/bin/busybox, not the host's
        Files.createSymbolicLink(root.resolve("bin/sh"), Path.of("/usr/bin/busybox"));
        assertFalse(RootFilesystemImport.existsInside(root, "bin/sh"), "the host's busybox does not count");
        Files.createSymbolicLink(root.resolve("bin/loop"), Path.of("loop"));
        assertFalse(RootFilesystemImport.existsInside(root, "bin/loop"), "a link cycle ends");
        assertEquals(List.of("bin/sh", "usr/sbin/sshd", "usr/bin/ssh-keygen"), RootFilesystemImport.missing(root));
    }
}
