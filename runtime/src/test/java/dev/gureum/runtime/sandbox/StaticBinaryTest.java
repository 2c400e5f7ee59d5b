package dev.gureum.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticBinaryTest {
    @Test
    void aDynamicExecutableNamesItsLoader(@TempDir Path directory) throws Exception {
        Path shell = Path.of("/bin/sh").toRealPath();
        Assumptions.assumeTrue(Files.isRegularFile(shell));
        assertFalse(StaticBinary.isStatic(shell), "dash is dynamically linked on every Debian");
        Path text = Files.writeString(directory.resolve("script"), "#!/bin/sh\necho hi\n");
        assertFalse(StaticBinary.isStatic(text));
        assertFalse(StaticBinary.isStatic(directory.resolve("missing")));
    }

    @Test
    void debiansBusyboxStaticIsStatic() {
        Path busybox = Path.of("/bin/busybox");
        Assumptions.assumeTrue(Files.isRegularFile(busybox), "busybox is not installed");
        Assumptions.assumeTrue(!HostCommand.attempt("ldd", busybox.toString()).succeeded(),
                "this busybox is the dynamic build");
        assertTrue(StaticBinary.isStatic(busybox));
    }
}
