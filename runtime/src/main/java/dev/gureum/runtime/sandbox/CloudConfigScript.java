package dev.gureum.runtime.sandbox;

import dev.gureum.runtime.sandbox.CloudConfig.Command;
import dev.gureum.runtime.sandbox.CloudConfig.WriteFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link CloudConfig} into seed files the init runs, in cloud-init's order: {@code cloud-config/bootcmd}
 * at every boot (before sshd, as cloud-init's init stage), and {@code user-data}, the per-instance script that
 * writes the files (write_files, then those with {@code defer}) and runs {@code cloud-config/runcmd}. Nothing
 * from the user data is pasted into a script of ours: file contents are seed files copied with {@code cat},
 * paths, modes and owners are single-quoted, and bootcmd/runcmd are scripts of their own (their shell lines are
 * the user's shell, as in cloud-init, and argv entries are quoted word by word). Keys added with
 * {@code ssh_authorized_keys} are in {@code cloud-config/authorized_keys}, which the init gives the default user.
 */
final class CloudConfigScript {
    static final String DIRECTORY = "cloud-config";

    private CloudConfigScript() {
    }

    /** Seed-relative path → content. */
    static Map<String, byte[]> seedFiles(CloudConfig config) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (!config.bootcmd().isEmpty()) {
            files.put(DIRECTORY + "/bootcmd", utf8(commandScript(config.bootcmd())));
        }
        if (!config.runcmd().isEmpty()) {
            files.put(DIRECTORY + "/runcmd", utf8(commandScript(config.runcmd())));
        }
        if (!config.sshAuthorizedKeys().isEmpty()) {
            files.put(DIRECTORY + "/authorized_keys", utf8(config.sshAuthorizedKeys().stream()
                    .map(String::strip).collect(Collectors.joining("\n", "", "\n"))));
        }
        List<WriteFile> writeFiles = config.writeFiles();
        for (int i = 0; i < writeFiles.size(); i++) {
            files.put(DIRECTORY + "/file-" + i, writeFiles.get(i).content());
        }
        files.put("user-data", utf8(instanceScript(config)));
        return files;
    }

    /** The per-instance script, run once by the init as any {@code #!} user data is. */
    static String instanceScript(CloudConfig config) {
        StringBuilder script = new StringBuilder("""
                #!/.gureum/busybox sh
                # written by Gureum from the instance's #cloud-config user data
                B=/.gureum/busybox
                say() { echo "cloud-config: $*"; }
                """);
        for (String note : config.notes()) {
            script.append("say ").append(InstanceSeed.quoted(note)).append('\n');
        }
        List<WriteFile> files = config.writeFiles();
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).defer()) {
                writeFile(script, files.get(i), i);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).defer()) {
                writeFile(script, files.get(i), i);
            }
        }
        if (!config.runcmd().isEmpty()) {
            script.append("""
                    say "running runcmd"
                    if [ -x /bin/sh ]; then /bin/sh /.gureum/cloud-config/runcmd; else $B sh /.gureum/cloud-config/runcmd; fi
                    say "runcmd exited with status $?"
                    """);
        }
        return script.toString();
    }

    private static void writeFile(StringBuilder script, WriteFile file, int index) {
        String path = InstanceSeed.quoted(file.path());
        String source = "/.gureum/" + DIRECTORY + "/file-" + index;
        String mode = Integer.toOctalString(file.permissions() == null ? 0644 : file.permissions());
        script.append("f=").append(path).append('\n')
                .append("if $B mkdir -p \"$($B dirname \"$f\")\" && $B cat ").append(source)
                .append(file.append() ? " >> " : " > ").append("\"$f\"")
                .append(" && $B chown ").append(InstanceSeed.quoted(file.owner())).append(" \"$f\"")
                .append(" && $B chmod ").append(mode).append(" \"$f\"; then\n")
                .append("  say \"wrote $f\"\n")
                .append("else\n")
                .append("  say \"write_files failed for $f\"\n")
                .append("fi\n");
    }

    /** bootcmd and runcmd as cloud-init writes them: a shell line as it is, a list as quoted words. */
    static String commandScript(List<Command> commands) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        for (Command command : commands) {
            if (command.argv() != null) {
                script.append(command.argv().stream().map(InstanceSeed::quoted).collect(Collectors.joining(" ")));
            } else {
                script.append(command.shell());
            }
            script.append('\n');
        }
        return script.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
