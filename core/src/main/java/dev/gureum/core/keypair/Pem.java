package dev.gureum.core.keypair;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * PEM armor (RFC 7468): base64 between {@code -----BEGIN label-----} and {@code -----END label-----}.
 * PKCS structures wrap at 64 characters; OpenSSH wraps its own private key format at 70, as ssh-keygen does.
 */
final class Pem {
    static final int PKCS_LINE_LENGTH = 64;
    static final int OPENSSH_LINE_LENGTH = 70;

    private Pem() {
    }

    static String encode(String label, byte[] der, int lineLength) {
        return "-----BEGIN " + label + "-----\n" + wrap(der, lineLength) + "-----END " + label + "-----\n";
    }

    /** Base64 of {@code data} in lines of {@code lineLength}, each ending in a newline. */
    static String wrap(byte[] data, int lineLength) {
        String base64 = Base64.getEncoder().encodeToString(data);
        StringBuilder text = new StringBuilder();
        for (int start = 0; start < base64.length(); start += lineLength) {
            text.append(base64, start, Math.min(base64.length(), start + lineLength)).append('\n');
        }
        return text.toString();
    }

    /** The bytes inside the one {@code label} block of {@code text}. */
    static byte[] decode(String text, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new MalformedKeyException("no " + label + " block");
        }
        return decodeBase64(text.substring(from + begin.length(), to));
    }

    /** Lenient base64 of key files: line breaks and spaces are ignored, anything else must be base64. */
    static byte[] decodeBase64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s+", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new MalformedKeyException("not base64: " + e.getMessage());
        }
    }
}
