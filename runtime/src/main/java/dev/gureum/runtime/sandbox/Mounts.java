package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The host's mount table as the kernel reports it (/proc/self/mountinfo). */
final class Mounts {
    private Mounts() {
    }

    /** Every mount point at or under {@code directory}. */
    static List<Path> under(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> Path.of(unescape(line.split(" ")[4])))
                    .filter(point -> point.startsWith(absolute))
                    .toList();
        } catch (IOException e) {
            throw new SandboxException("cannot read the mount table: " + e.getMessage(), e);
        }
    }

    static boolean isMountPoint(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        return under(absolute).contains(absolute);
    }

    /** mountinfo writes space, tab, newline and backslash as three-digit octal escapes. */
    private static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int index = 0; index < field.length(); index++) {
            char c = field.charAt(index);
            if (c == '\\' && index + 3 < field.length()) {
                text.append((char) Integer.parseInt(field.substring(index + 1, index + 4), 8));
                index += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
