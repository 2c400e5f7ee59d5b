package dev.gureum.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A growable byte buffer that writes JSON tokens as the store's Jackson mapper writes them: strings as
 * UTF-8 with {@code "} and {@code \} escaped, control characters as {@code \b \t \n \f \r} or
 * {@code \}{@code u00XX}, and each UTF-16 surrogate (characters outside the Basic Multilingual Plane,
 * or unpaired halves) as its own {@code \}{@code uXXXX}; instants as {@link Instant#toString()} does.
 */
final class JsonOutput {
    /** Per ASCII character: 0 copied as is, -1 written as a unicode escape, else the letter after the backslash. */
    private static final byte[] ESCAPES = new byte[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final long LAST_FOUR_DIGIT_YEAR = LocalDate.of(9999, 12, 31).toEpochDay();

    static {
        Arrays.fill(ESCAPES, 0, 0x20, (byte) -1);
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }


    private byte[] bytes;
    private int length;

    JsonOutput(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    void write(char token) {
        ensure(1);
        bytes[length++] = (byte) token;
    }

    void raw(byte[] markup) {
        ensure(markup.length);
        System.arraycopy(markup, 0, bytes, length, markup.length);
        length += markup.length;
    }

    void number(long value) {
        if (value >= 0 && value < 10) {
            write((char) ('0' + value));
        } else {
            ascii(Long.toString(value));
        }
    }

    /** A double as Jackson writes one: Double.toString, quoted when it is NaN or infinite. */
    void number(double value) {
        if (Double.isFinite(value)) {
            ascii(Double.toString(value));
        } else {
            string(Double.toString(value));
        }
    }

    void string(String value) {
        int n = value.length();
        ensure(n + 2);
        bytes[length++] = '"';
        int plain = 0;
        while (plain < n) {
            char c = value.charAt(plain);
            if (c >= 0x80 || ESCAPES[c] != 0) {
                break;
            }
            plain++;
        }
        copyAscii(value, plain);
        if (plain < n) {
            escaped(value, plain);
        }
        write('"');
    }

    /** Writes {@code instant} exactly as {@link Instant#toString()} does, without a formatter for common years. */
    void instant(Instant instant) {
        long day = Math.floorDiv(instant.getEpochSecond(), 86_400);
        if (day < 0 || day > LAST_FOUR_DIGIT_YEAR) {
            string(instant.toString());
            return;
        }
        int second = (int) Math.floorMod(instant.getEpochSecond(), 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        ensure(34);
        bytes[length++] = '"';
        padded(date.getYear(), 4).put('-').padded(date.getMonthValue(), 2).put('-').padded(date.getDayOfMonth(), 2)
                .put('T').padded(second / 3600, 2).put(':').padded(second / 60 % 60, 2).put(':').padded(second % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) {
            put('.');
            if (nanos % 1_000_000 == 0) {
                padded(nanos / 1_000_000, 3);
            } else if (nanos % 1000 == 0) {
                padded(nanos / 1000, 6);
            } else {
                padded(nanos, 9);
            }
        }
        put('Z').put('"');
    }

    /** Empties the buffer for the next value, keeping its capacity. */
    void clear() {
        length = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    int capacity() {
        return bytes.length;
    }

    private void escaped(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                ensure(6);
                if (escape == 0) {
                    bytes[length++] = (byte) c;
                } else if (escape > 0) {
                    put('\\').put((char) escape);
                } else {
                    unicodeEscape(c);
                }
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c);
            } else {
                utf8(c);
            }
        }
    }

    private void unicodeEscape(char c) {
        ensure(6);
        put('\\').put('u');
        bytes[length++] = HEX[c >> 12];
        bytes[length++] = HEX[c >> 8 & 0xF];
        bytes[length++] = HEX[c >> 4 & 0xF];
        bytes[length++] = HEX[c & 0xF];
    }

    private void utf8(char codePoint) {
        ensure(3);
        if (codePoint < 0x800) {
            bytes[length++] = (byte) (0xC0 | codePoint >> 6);
        } else {
            bytes[length++] = (byte) (0xE0 | codePoint >> 12);
            bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        }
        bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
    }

    void ascii(String text) {
        ensure(text.length());
        copyAscii(text, text.length());
    }

    /** Copies the first {@code count} characters, known to be ASCII, as bytes in one block. */
    @SuppressWarnings("deprecation")
    private void copyAscii(String value, int count) {
        value.getBytes(0, count, bytes, length);
        length += count;
    }

    /** Writes without a bounds check: callers ensured room. */
    private JsonOutput put(char token) {
        bytes[length++] = (byte) token;
        return this;
    }

    private JsonOutput padded(int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
