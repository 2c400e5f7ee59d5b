package dev.gureum.protocol.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for writing XML without intermediate strings. Text is escaped the way
 * AWS escapes it: {@code & < > "} as entities and carriage return as {@code &#xD;} so it survives
 * XML end-of-line normalisation in the client's parser. Characters XML 1.0 cannot carry at all (other
 * C0 controls, U+FFFE/U+FFFF, unpaired surrogates) are written as U+FFFD rather than breaking the document.
 */
public final class XmlOutput {
    private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);
    private byte[] bytes;
    private int length;

    public XmlOutput(int initialCapacity) {
        bytes = new byte[Math.max(64, initialCapacity)];
    }

    /** Pre-encoded markup such as a start or end tag. */
    public XmlOutput raw(byte[] markup) {
        ensure(markup.length);
        System.arraycopy(markup, 0, bytes, length, markup.length);
        length += markup.length;
        return this;
    }

    /** Markup known to be ASCII (tag names, numbers). */
    public XmlOutput ascii(String markup) {
        ensure(markup.length());
        copyAscii(markup, markup.length());
        return this;
    }

    /** An element of text between pre-encoded tags, with one check for room when the text is plain. */
    public XmlOutput element(byte[] open, String value, byte[] close) {
        int n = value.length();
        ensure(open.length + n + close.length);
        System.arraycopy(open, 0, bytes, length, open.length);
        length += open.length;
        int plain = plainPrefix(value, n);
        copyAscii(value, plain);
        if (plain < n) {
            escapedText(value, plain, n);
            ensure(close.length);
        }
        System.arraycopy(close, 0, bytes, length, close.length);
        length += close.length;
        return this;
    }

    public XmlOutput text(String value) {
        int n = value.length();
        ensure(n);
        int plain = plainPrefix(value, n);
        copyAscii(value, plain);
        if (plain < n) {
            escapedText(value, plain, n);
        }
        return this;
    }

    private void escapedText(String value, int plain, int n) {
        for (int i = plain; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '"' -> ascii("&quot;");
                    case '\r' -> ascii("&#xD;");
                    case '\t', '\n' -> {
                        ensure(1);
                        bytes[length++] = (byte) c;
                    }
                    default -> {
                        if (c < 0x20) {
                            raw(REPLACEMENT);
                            continue;
                        }
                        ensure(1);
                        bytes[length++] = (byte) c;
                    }
                }
            } else {
                int end = i + 1;
                while (end < n && value.charAt(end) >= 0x80) {
                    end++;
                }
                raw(xmlSafe(value.substring(i, end)).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
    }

    /**
     * Copies the first {@code count} characters, known to be ASCII, as bytes. {@code String.getBytes(int, int,
     * byte[], int)} keeps each character's low byte, which for ASCII is the character, and copies a
     * Latin-1 string's bytes in one block instead of one character at a time.
     */
    @SuppressWarnings("deprecation")
    private void copyAscii(String value, int count) {
        value.getBytes(0, count, bytes, length);
        length += count;
    }

    /** How many leading characters are printable ASCII needing no escape: most text is, and is copied as is. */
    private static int plainPrefix(String value, int n) {
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '&' || c == '<' || c == '>' || c == '"') {
                return i;
            }
        }
        return n;
    }

    /** XML 1.0 cannot carry U+FFFE, U+FFFF or unpaired surrogates, even as references: they become U+FFFD. */
    private static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pairedSurrogate || !(Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.substring(0, i));
            }
            if (safe != null) {
                safe.append(allowed ? c : '\uFFFD');
                if (pairedSurrogate) {
                    safe.append(text.charAt(i + 1));
                }
            }
            if (pairedSurrogate) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    /** A whole number in decimal, written straight into the buffer. */
    public XmlOutput digits(long value) {
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        long rest = Math.abs(value);
        int width = value < 0 ? 2 : 1;
        for (long left = rest; left >= 10; left /= 10) {
            width++;
        }
        ensure(width);
        length += width;
        int at = length;
        do {
            bytes[--at] = (byte) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (value < 0) {
            bytes[--at] = '-';
        }
        return this;
    }

    /** Writes {@code value} zero-padded to {@code width} digits (for timestamps). */
    public XmlOutput padded(int value, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** The array written into; its first {@link #length()} bytes are the document. */
    public byte[] buffer() {
        return bytes;
    }

    public int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
