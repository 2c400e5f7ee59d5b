package dev.gureum.server.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.gureum.protocol.sigv4.Credential;
import dev.gureum.protocol.sigv4.CredentialSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The access keys of every account, kept in {@code credentials.json} in the data directory (mode 600).
 * Created on first use with the well-known {@code test}/{@code test} key of account 000000000000. The
 * server rereads the file when it changes, so keys added with {@code gureum keys add} work at once.
 */
public final class CredentialsFile implements CredentialSource {
    public static final String FILE_NAME = "credentials.json";
    public static final String DEFAULT_ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** The file's shape. */
    record Contents(List<Credential> accessKeys) {
    }

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

    @Override
    public Optional<Credential> find(String accessKeyId) {
        long now = System.nanoTime();
        if (now - nextCheckNanos > 0) {
            nextCheckNanos = now + 1_000_000_000L;
            reloadIfChanged();
        }
        return Optional.ofNullable(loaded.byKeyId().get(accessKeyId));
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
        } catch (IOException e) {
            // The file vanished or is unreadable: keep the keys we have rather than lock everyone out.
        }
    }

    private synchronized void reload() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Contents contents = JSON.readValue(file.toFile(), Contents.class);
            loaded = new Loaded(modified, contents.accessKeys().stream()
                    .collect(Collectors.toUnmodifiableMap(Credential::accessKeyId, Function.identity())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private synchronized void write(List<Credential> keys) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writeValue(temporary.toFile(), new Contents(keys));
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
