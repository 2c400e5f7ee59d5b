package dev.gureum.server.auth;

import dev.gureum.protocol.sigv4.Credential;
import dev.gureum.protocol.sigv4.CredentialSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The access keys of every account, kept in {@code credentials} in the data directory (mode 600), one
 * key a line: {@code <access key id> <secret access key> <account id>}; {@code #} starts a comment.
 * Created on first use with the well-known {@code test}/{@code test} key of account 000000000000. The
 * server rereads the file when it changes, so keys added with {@code gureum keys add} work at once.
 */
public final class CredentialsFile implements CredentialSource {
    public static final String FILE_NAME = "credentials";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    private static final String HEADER = """
            # Gureum access keys: <access key id> <secret access key> <account id>, one a line.
            # Manage them with ./gureum keys add|list|remove; the server rereads this file when it changes.
            """;
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private record Loaded(FileTime modified, Map<String, Credential> byKeyId) {
    }

    private final Path file;
    private volatile Loaded loaded;
    private volatile long nextCheckNanos;

    private CredentialsFile(Path file) {
        this.file = file;
    }

    /** Opens the file in {@code dataDirectory}, creating it with the default key when absent. */
    public static CredentialsFile open(Path dataDirectory) {
        CredentialsFile credentials = new CredentialsFile(dataDirectory.resolve(FILE_NAME));
        if (!Files.exists(credentials.file)) {
            credentials.write(List.of(new Credential("test", "test", DEFAULT_ACCOUNT)));
        }
        credentials.reload();
        return credentials;
    }

    /**
     * The key's credential. An unknown key makes the file be checked at once (so a key just added works
     * on its first use); otherwise the file is checked at most once a second (so a removed key stops
     * working within a second).
     */
    @Override
    public Optional<Credential> find(String accessKeyId) {
        long now = System.nanoTime();
        Credential found = loaded.byKeyId().get(accessKeyId);
        if (found == null || now - nextCheckNanos > 0) {
            nextCheckNanos = now + 1_000_000_000L;
            reloadIfChanged();
            found = loaded.byKeyId().get(accessKeyId);
        }
        return Optional.ofNullable(found);
    }

    public List<Credential> list() {
        reload();
        return List.copyOf(loaded.byKeyId().values());
    }

    /** Adds a key; a missing id or secret is generated in AWS's formats (AKIA…, 40 characters). */
    public Credential add(String account, String accessKeyId, String secret) {
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("an account id is 12 digits: " + account);
        }
        Credential credential = new Credential(
                accessKeyId != null ? accessKeyId : "AKIA" + random(KEY_ALPHABET, 16),
                secret != null ? secret : random(SECRET_ALPHABET, 40), account);
        if (!credential.accessKeyId().matches("\\S+") || !credential.secretAccessKey().matches("\\S+")) {
            throw new IllegalArgumentException("access key ids and secrets cannot contain spaces");
        }
        List<Credential> keys = new ArrayList<>(list());
        if (keys.stream().anyMatch(key -> key.accessKeyId().equals(credential.accessKeyId()))) {
            throw new IllegalArgumentException("access key " + credential.accessKeyId() + " already exists");
        }
        keys.add(credential);
        write(keys);
        return credential;
    }

    public boolean remove(String accessKeyId) {
        List<Credential> keys = new ArrayList<>(list());
        boolean removed = keys.removeIf(key -> key.accessKeyId().equals(accessKeyId));
        if (removed) {
            write(keys);
        }
        return removed;
    }

    private void reloadIfChanged() {
        try {
            if (!Files.getLastModifiedTime(file).equals(loaded.modified())) {
                reload();
            }
        } catch (IOException | UncheckedIOException e) {
            // The file vanished or is unreadable: keep the keys we have rather than lock everyone out.
        }
    }

    private synchronized void reload() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Map<String, Credential> keys = new LinkedHashMap<>();
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] words = content.split("\\s+");
                if (words.length != 3 || !words[2].matches("\\d{12}")) {
                    throw new IllegalArgumentException(file + " line " + number
                            + ": expected <access key id> <secret access key> <12-digit account id>");
                }
                keys.put(words[0], new Credential(words[0], words[1], words[2]));
            }
            loaded = new Loaded(modified, Map.copyOf(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private synchronized void write(List<Credential> keys) {
        StringBuilder text = new StringBuilder(HEADER);
        for (Credential key : keys) {
            text.append(key.accessKeyId()).append(' ').append(key.secretAccessKey()).append(' ')
                    .append(key.account()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String random(String alphabet, int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
