package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The independent references key pair tests compare against: ssh-keygen and openssl run as processes,
 * and the PuTTY key file MAC computed from PuTTY's documentation rather than from Gureum's code.
 */
final class KeyTools {
    private KeyTools() {
    }

    /** Runs a tool and returns what it printed (standard output and error), failing the test unless it succeeded. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " hung");
            }
            assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
            return output.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A bash pipeline, failing when any of its commands fails. */
    static String shell(String script) {
        return run("bash", "-o", "pipefail", "-c", script);
    }

    /** The base64 after {@code SHA256:} in {@code ssh-keygen -l} output (ssh-keygen drops the padding). */
    static String sshKeygenSha256(Path key) {
        String line = run("ssh-keygen", "-l", "-E", "sha256", "-f", key.toString());
        return line.split(" ")[1].substring("SHA256:".length());
    }

    /** The digest in {@code openssl sha1 -c} or {@code openssl md5 -c} output, e.g. {@code SHA1(stdin)= 12:34:…}. */
    static String opensslDigest(String output) {
        return output.substring(output.indexOf("= ") + 2).strip();
    }

    /** A private key file that ssh-keygen will read: mode 600. */
    static Path privateKeyFile(Path file, String material) {
        try {
            Files.writeString(file, material, StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PuTTY manual appendix C, version 2 without passphrase: HMAC-SHA-1 keyed with
     * SHA-1("putty-private-key-file-mac-key") over algorithm, encryption, comment and both blobs as SSH strings.
     */
    static String puttyMac(String algorithm, String comment, byte[] publicBlob, byte[] privateBlob) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(MessageDigest.getInstance("SHA-1")
                    .digest("putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII)), "HmacSHA1"));
            for (byte[] field : List.of(ascii(algorithm), ascii("none"), ascii(comment), publicBlob, privateBlob)) {
                hmac.update(new byte[] {(byte) (field.length >>> 24), (byte) (field.length >>> 16),
                        (byte) (field.length >>> 8), (byte) field.length});
                hmac.update(field);
            }
            return java.util.HexFormat.of().formatHex(hmac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
