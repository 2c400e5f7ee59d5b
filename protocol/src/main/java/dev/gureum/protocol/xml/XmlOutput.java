package dev.gureum.protocol.xml;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer for writing XML without intermediate strings. Text is escaped the way
 * AWS escapes it: {@code & < > "} as entities and carriage return as {@code &#xD;} so it survives
 * XML end-of-line normalisation in the client's parser.
 */
public final class XmlOutput {
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
        int n = markup.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) markup.charAt(i);
        }
        return this;
    }

    public XmlOutput text(String value) {
        int n = value.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '>' -> ascii("&gt;");
                    case '"' -> ascii("&quot;");
                    case '\r' -> ascii("&#xD;");
                    default -> {
                        ensure(1);
                        bytes[length++] = (byte) c;
                    }
                }
            } else {
                int end = i + 1;
                while (end < n && value.charAt(end) >= 0x80) {
                    end++;
                }
                raw(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return this;
    }

    public XmlOutput digits(long value) {
        return ascii(Long.toString(value));
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

    public int length() {
        return length;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
