package dev.gureum.it;

import java.nio.charset.StandardCharsets;

/**
 * One malformed request for {@link BadInputIT}: a name, the exact bytes, what the server may answer and,
 * when known, the AWS error code it must answer with. {@code halfClose} shuts the client's sending side
 * after the bytes, as a client that gives up mid-request does.
 */
record BadRequest(String name, byte[] bytes, Expectation expectation, String expectedCode, boolean halfClose) {

    /** What a correct server may do with the request. */
    enum Expectation {
        /** A 4xx AWS error envelope. */
        ERROR,
        /** A 4xx AWS error envelope, or 200 with an EC2 response: the input is odd but legal. */
        ERROR_OR_SUCCESS,
        /** A 4xx AWS error envelope, or closing without a word: the request never finished. */
        ERROR_OR_CLOSE
    }

    static BadRequest error(String name, byte[] bytes) {
        return new BadRequest(name, bytes, Expectation.ERROR, null, false);
    }

    static BadRequest error(String name, byte[] bytes, String expectedCode) {
        return new BadRequest(name, bytes, Expectation.ERROR, expectedCode, false);
    }

    static BadRequest lenient(String name, byte[] bytes) {
        return new BadRequest(name, bytes, Expectation.ERROR_OR_SUCCESS, null, false);
    }

    static BadRequest unfinished(String name, byte[] bytes) {
        return new BadRequest(name, bytes, Expectation.ERROR_OR_CLOSE, null, true);
    }

    /** The name without its seed and number, so that failures of one kind are reported together. */
    String kind() {
        int seed = name.indexOf(" (seed ");
        return seed < 0 ? name : name.substring(0, seed);
    }

    /** The request for a failure report: printable ASCII as is, other bytes as \xNN, long ones cut. */
    String printable() {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(bytes.length, 300);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xFF;
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\\' -> text.append("\\\\");
                default -> text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02X", b));
            }
        }
        return bytes.length > shown ? text + "… (" + bytes.length + " bytes in all)" : text.toString();
    }

    /** The bytes of {@code text}, one byte per character (Latin-1), so tests can write any octet. */
    static byte[] octets(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
