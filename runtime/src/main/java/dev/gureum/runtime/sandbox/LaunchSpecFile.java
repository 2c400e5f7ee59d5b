package dev.gureum.runtime.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gureum.core.runtime.LaunchSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The last launch spec an instance booted with, kept beside its disk: a reboot, a stop or a termination
 * names only the instance, and after a server restart the runtime still knows its network and image.
 */
final class LaunchSpecFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LaunchSpecFile() {
    }

    static void write(InstanceFiles files, LaunchSpec spec) {
        try {
            Files.createDirectories(files.directory());
            Path temporary = files.spec().resolveSibling("launch-spec.json.tmp");
            JSON.writeValue(temporary.toFile(), spec);
            Files.move(temporary, files.spec(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SandboxException("cannot record the launch spec of " + files.directory() + ": " + e.getMessage(), e);
        }
    }

    static Optional<LaunchSpec> read(InstanceFiles files) {
        if (!Files.exists(files.spec())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(files.spec().toFile(), LaunchSpec.class));
        } catch (IOException e) {
            throw new SandboxException("cannot read the launch spec of " + files.directory() + ": " + e.getMessage(), e);
        }
    }
}
