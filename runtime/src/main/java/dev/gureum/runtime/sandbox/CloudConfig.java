package dev.gureum.runtime.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A {@code #cloud-config} user data, read the way cloud-init reads it (YAML 1.1, so {@code 0644} is an octal
 * number): the keys the sandbox honours ({@code bootcmd}, {@code write_files}, {@code runcmd},
 * {@code ssh_authorized_keys}) as typed values, and a console note for every key it does not (package
 * management and the like are named as not supported, other keys as ignored, malformed entries as skipped).
 * {@link CloudConfigScript} turns it into what the init runs.
 */
record CloudConfig(List<Command> bootcmd, List<WriteFile> writeFiles, List<Command> runcmd,
                   List<String> sshAuthorizedKeys, List<String> notes) {
    static final String HEADER = "#cloud-config";
    static final int GUNZIPPED_MAX = 16 * 1024 * 1024;

    /** Keys cloud-init knows that the sandbox does not do, with the reason the console gives. */
    private static final Map<String, String> NOT_SUPPORTED = Map.ofEntries(
            Map.entry("packages", "the sandbox uses no package manager"),
            Map.entry("package_update", "the sandbox uses no package manager"),
            Map.entry("package_upgrade", "the sandbox uses no package manager"),
            Map.entry("package_reboot_if_required", "the sandbox uses no package manager"),
            Map.entry("apt", "the sandbox uses no package manager"),
            Map.entry("yum_repos", "the sandbox uses no package manager"),
            Map.entry("snap", "the sandbox uses no package manager"),
            Map.entry("users", "only the image's default user exists (ssh_authorized_keys adds keys to it)"),
            Map.entry("groups", "only the image's default user exists"),
            Map.entry("hostname", "the hostname is EC2's ip-… name, set by the runtime"),
            Map.entry("fqdn", "the hostname is EC2's ip-… name, set by the runtime"),
            Map.entry("mounts", "volumes appear where the runtime puts them"),
            Map.entry("power_state", "stop and reboot through the EC2 API"));
    /** Keys that change nothing here. */
    private static final Set<String> HARMLESS = Set.of("preserve_hostname", "manage_etc_hosts");

    /** A bootcmd or runcmd entry: a line of shell, or a command and its arguments run as they are. */
    record Command(String shell, List<String> argv) {
        Command {
            argv = argv == null ? null : List.copyOf(argv);
        }
    }

    /** A write_files entry; permissions is a file mode (null: 0644), owner "user[:group]". */
    record WriteFile(String path, byte[] content, Integer permissions, String owner, boolean append, boolean defer) {
    }

    CloudConfig {
        bootcmd = List.copyOf(bootcmd);
        writeFiles = List.copyOf(writeFiles);
        runcmd = List.copyOf(runcmd);
        sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
        notes = List.copyOf(notes);
    }

    static boolean isCloudConfig(byte[] userData) {
        return startsWith(userData, HEADER.getBytes(StandardCharsets.US_ASCII));
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the YAML; throws {@link InvalidCloudConfig} when it is not YAML or not a mapping. */
    static CloudConfig parse(String text) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new InvalidCloudConfig("not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        if (document == null) {
            return new CloudConfig(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        if (!(document instanceof Map<?, ?> keys)) {
            throw new InvalidCloudConfig("not a YAML mapping of keys");
        }
        List<String> notes = new ArrayList<>();
        List<Command> bootcmd = List.of();
        List<WriteFile> writeFiles = List.of();
        List<Command> runcmd = List.of();
        List<String> sshKeys = List.of();
        for (Map.Entry<?, ?> entry : keys.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (key) {
                case "bootcmd" -> bootcmd = commands(key, value, notes);
                case "runcmd" -> runcmd = commands(key, value, notes);
                case "write_files" -> writeFiles = writeFiles(value, notes);
                case "ssh_authorized_keys" -> sshKeys = strings(key, value, notes);
                default -> {
                    if (NOT_SUPPORTED.containsKey(key)) {
                        notes.add(key + " is not supported: " + NOT_SUPPORTED.get(key));
                    } else if (!HARMLESS.contains(key)) {
                        notes.add("unknown key " + key + " ignored");
                    }
                }
            }
        }
        return new CloudConfig(bootcmd, writeFiles, runcmd, sshKeys, notes);
    }

    private static List<Command> commands(String key, Object value, List<String> notes) {
        List<Command> commands = new ArrayList<>();
        if (!(value instanceof List<?> items)) {
            notes.add(key + " is not a list; skipped");
            return commands;
        }
        for (Object item : items) {
            if (item instanceof List<?> argv && !argv.isEmpty()) {
                commands.add(new Command(null, argv.stream().map(CloudConfig::scalar).toList()));
            } else if (item != null && !(item instanceof Map<?, ?>) && !(item instanceof List<?>)) {
                commands.add(new Command(scalar(item), null));
            } else {
                notes.add(key + " entry " + item + " is neither a string nor a list; skipped");
            }
        }
        return commands;
    }

    private static List<String> strings(String key, Object value, List<String> notes) {
        if (!(value instanceof List<?> items)) {
            notes.add(key + " is not a list; skipped");
            return List.of();
        }
        return items.stream().filter(item -> item != null).map(CloudConfig::scalar).toList();
    }

    private static List<WriteFile> writeFiles(Object value, List<String> notes) {
        List<WriteFile> files = new ArrayList<>();
        if (!(value instanceof List<?> items)) {
            notes.add("write_files is not a list; skipped");
            return files;
        }
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> file) || !(file.get("path") instanceof String path) || path.isBlank()) {
                notes.add("write_files entry without a path skipped");
                continue;
            }
            try {
                files.add(new WriteFile(path, content(file.get("content"), file.get("encoding")),
                        permissions(file.get("permissions")),
                        file.get("owner") == null ? "root:root" : scalar(file.get("owner")),
                        Boolean.TRUE.equals(file.get("append")), Boolean.TRUE.equals(file.get("defer"))));
            } catch (InvalidCloudConfig e) {
                notes.add("write_files entry " + path + " skipped: " + e.getMessage());
            }
        }
        return files;
    }

    /** cloud-init's encodings: b64/base64, gz/gzip, gz+b64 and the like, else text. */
    static byte[] content(Object content, Object encoding) {
        if (content == null) {
            return new byte[0];
        }
        if (content instanceof byte[] binary) {
            return binary;
        }
        byte[] bytes = scalar(content).getBytes(StandardCharsets.UTF_8);
        String name = encoding == null ? "text/plain" : scalar(encoding).strip().toLowerCase();
        try {
            return switch (name) {
                case "b64", "base64" -> Base64.getMimeDecoder().decode(bytes);
                case "gz", "gzip" -> gunzip(bytes);
                case "gz+b64", "gz+base64", "gzip+b64", "gzip+base64" -> gunzip(Base64.getMimeDecoder().decode(bytes));
                case "text/plain" -> bytes;
                default -> throw new InvalidCloudConfig("unknown encoding " + name);
            };
        } catch (IllegalArgumentException | IOException e) {
            throw new InvalidCloudConfig("its content is not " + name + ": " + e.getMessage());
        }
    }

    /** At most {@link #GUNZIPPED_MAX} bytes, so a small user data cannot fill the disk. */
    static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            byte[] content = in.readNBytes(GUNZIPPED_MAX + 1);
            if (content.length > GUNZIPPED_MAX) {
                throw new IOException("it unpacks to more than " + GUNZIPPED_MAX + " bytes");
            }
            return content;
        }
    }

    /** A number is the mode itself (YAML 1.1 reads 0644 as octal); a string is octal, as cloud-init reads it. */
    static Integer permissions(Object permissions) {
        if (permissions == null) {
            return null;
        }
        int mode;
        if (permissions instanceof Number number) {
            mode = number.intValue();
        } else {
            try {
                String text = scalar(permissions).strip();
                mode = Integer.parseInt(text.startsWith("0o") ? text.substring(2) : text, 8);
            } catch (NumberFormatException e) {
                throw new InvalidCloudConfig("permissions " + permissions + " is not an octal mode");
            }
        }
        if (mode < 0 || mode > 07777) {
            throw new InvalidCloudConfig("permissions " + permissions + " is not a file mode");
        }
        return mode;
    }

    private static String scalar(Object value) {
        return String.valueOf(value);
    }

    /** The user data is not a cloud-config the sandbox can read; the message goes to the console. */
    static final class InvalidCloudConfig extends RuntimeException {
        InvalidCloudConfig(String message) {
            super(message);
        }
    }
}
