package dev.gureum.protocol.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding the way SigV4 canonicalizes it (RFC 3986): the unreserved characters
 * {@code A-Z a-z 0-9 - _ . ~} stay as they are, every other UTF-8 byte becomes {@code %XX} in upper-case
 * hex. Unlike form encoding, {@code +} is a literal plus and a space is {@code %20}.
 */
final class UriEncoding {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /** Appends {@code text[from, to)} with its percent escapes decoded and the result encoded canonically. */
    static void appendDecodedThenEncoded(StringBuilder out, String text, int from, int to, boolean keepSlash) {
        appendEncoded(out, text, from, to, true, keepSlash);
    }

    /** Appends {@code text[from, to)} encoded as it stands, so an escape {@code %2F} becomes {@code %252F}. */
    static void appendEncodedAgain(StringBuilder out, String text, int from, int to) {
        appendEncoded(out, text, from, to, false, true);
    }

    /** The text with its percent escapes decoded as UTF-8; a {@code %} not followed by two hex digits stays. */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length() * 3];
        int length = 0;
        for (int index = 0; index < text.length(); ) {
            int escaped = escapedByte(text, index, text.length());
            if (escaped >= 0) {
                bytes[length++] = (byte) escaped;
                index += 3;
            } else {
                int codePoint = text.codePointAt(index);
                index += Character.charCount(codePoint);
                length = putUtf8(bytes, length, codePoint);
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static void appendEncoded(StringBuilder out, String text, int from, int to, boolean decodeEscapes,
                                      boolean keepSlash) {
        byte[] utf8 = new byte[4];
        for (int index = from; index < to; ) {
            int escaped = decodeEscapes ? escapedByte(text, index, to) : -1;
            if (escaped >= 0) {
                appendByte(out, escaped, keepSlash);
                index += 3;
                continue;
            }
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            if (codePoint < 0x80) {
                appendByte(out, codePoint, keepSlash);
            } else {
                int length = putUtf8(utf8, 0, codePoint);
                for (int position = 0; position < length; position++) {
                    appendByte(out, utf8[position] & 0xFF, keepSlash);
                }
            }
        }
    }

    private static void appendByte(StringBuilder out, int value, boolean keepSlash) {
        if (isUnreserved(value) || (keepSlash && value == '/')) {
            out.append((char) value);
        } else {
            out.append('%').append(HEX_DIGITS[value >>> 4]).append(HEX_DIGITS[value & 0x0F]);
        }
    }

    private static boolean isUnreserved(int value) {
        return (value >= 'A' && value <= 'Z') || (value >= 'a' && value <= 'z') || (value >= '0' && value <= '9')
                || value == '-' || value == '_' || value == '.' || value == '~';
    }

    /** The byte a {@code %XX} escape at {@code index} stands for, or -1 when there is none. */
    private static int escapedByte(String text, int index, int to) {
        if (text.charAt(index) != '%' || index + 2 >= to) {
            return -1;
        }
        int high = Character.digit(text.charAt(index + 1), 16);
        int low = Character.digit(text.charAt(index + 2), 16);
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int putUtf8(byte[] bytes, int at, int codePoint) {
        int position = at;
        if (codePoint < 0x80) {
            bytes[position++] = (byte) codePoint;
        } else if (codePoint < 0x800) {
            bytes[position++] = (byte) (0xC0 | codePoint >>> 6);
            bytes[position++] = (byte) (0x80 | codePoint & 0x3F);
        } else if (codePoint < 0x10000) {
            bytes[position++] = (byte) (0xE0 | codePoint >>> 12);
            bytes[position++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
            bytes[position++] = (byte) (0x80 | codePoint & 0x3F);
        } else {
            bytes[position++] = (byte) (0xF0 | codePoint >>> 18);
            bytes[position++] = (byte) (0x80 | codePoint >>> 12 & 0x3F);
            bytes[position++] = (byte) (0x80 | codePoint >>> 6 & 0x3F);
            bytes[position++] = (byte) (0x80 | codePoint & 0x3F);
        }
        return position;
    }
}
