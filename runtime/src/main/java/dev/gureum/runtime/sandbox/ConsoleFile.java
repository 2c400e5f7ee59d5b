package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * An instance's console: everything its init and user data print, in one append-only file beside its
 * disk, plus the runtime's own lines ({@code [gureum] …}). GetConsoleOutput shows the last 64 KiB, as EC2
 * does.
 */
final class ConsoleFile {
    static final int EC2_CONSOLE_BYTES = 64 * 1024;

    private ConsoleFile() {
    }

    /** Appends one line from the runtime itself, stamped with the wall clock. */
    static void note(Path console, String line) {
        try {
            Files.createDirectories(console.getParent());
            Files.writeString(console, "[gureum " + Instant.now() + "] " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console is a convenience; the instance does not depend on it
        }
    }

    /** The last {@code bytes} bytes of the console, or "" when it does not exist. */
    static String tail(Path console, int bytes) {
        try {
            return since(console, Math.max(0, Files.exists(console) ? Files.size(console) - bytes : 0));
        } catch (IOException e) {
            return "";
        }
    }

    /** What was written to the console from byte {@code offset} on. */
    static String since(Path console, long offset) {
        if (!Files.exists(console)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(console.toFile(), "r")) {
            long start = Math.min(offset, file.length());
            byte[] content = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(content);
            return new String(content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
