package dev.gureum.protocol.query;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text (a POST body or a GET query string) into
 * name → value. Strict where AWS is: bad percent escapes, invalid UTF-8 and control characters are
 * refused with an AWS error rather than guessed at, and the number of parameters is bounded.
 */
public final class FormParameters {
    /** More parameters than any EC2 call needs; a request past it is refused, not parsed. */
    public static final int MAX_PARAMETERS = 10_000;

    private FormParameters() {
    }

    /** Parses {@code text} and adds its parameters to {@code into}; a repeated name keeps its first value. */
    public static Map<String, String> parse(byte[] text, Map<String, String> into) {
        int start = 0;
        int count = into.size();
        for (int i = 0; i <= text.length; i++) {
            if (i == text.length || text[i] == '&') {
                if (i > start) {
                    if (++count > MAX_PARAMETERS) {
                        throw new ProtocolException(CommonError.INVALID_QUERY_PARAMETER,
                                "The request has more than " + MAX_PARAMETERS + " parameters.");
                    }
                    addPair(text, start, i, into);
                }
                start = i + 1;
            }
        }
        return into;
    }

    public static Map<String, String> parse(byte[] text) {
        return parse(text, new LinkedHashMap<>());
    }

    private static void addPair(byte[] text, int start, int end, Map<String, String> into) {
        int equals = start;
        while (equals < end && text[equals] != '=') {
            equals++;
        }
        String name = decode(text, start, equals);
        String value = equals < end ? decode(text, equals + 1, end) : "";
        if (name.isEmpty()) {
            throw malformed("a parameter has no name");
        }
        into.putIfAbsent(name, value);
    }

    private static String decode(byte[] text, int start, int end) {
        byte[] bytes = new byte[end - start];
        int length = 0;
        for (int i = start; i < end; i++) {
            byte b = text[i];
            if (b == '+') {
                bytes[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw malformed("an incomplete percent escape");
                }
                int high = Character.digit(text[i + 1], 16);
                int low = Character.digit(text[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw malformed("an invalid percent escape");
                }
                bytes[length++] = (byte) (high << 4 | low);
                i += 2;
            } else {
                bytes[length++] = b;
            }
        }
        String decoded = utf8(bytes, length);
        rejectControlCharacters(decoded);
        return decoded;
    }

    private static String utf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed("bytes that are not valid UTF-8");
        }
    }

    /** XML 1.0 cannot carry these characters back, so AWS refuses them at the edge. */
    private static void rejectControlCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                throw new ProtocolException(CommonError.INVALID_PARAMETER_VALUE,
                        "Parameter values must not contain control characters (found U+"
                                + String.format("%04X", (int) c) + ").");
            }
        }
    }

    private static ProtocolException malformed(String what) {
        return new ProtocolException(CommonError.MALFORMED_QUERY_STRING,
                "The query string contains a syntax error: " + what + ".");
    }

    /**
     * A query request's parameters: the query string's, then (POST) the form body's; a GET with a body and
     * any other method are refused as AWS's query services refuse them.
     */
    public static Map<String, String> ofRequest(WireRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!request.rawQuery().isEmpty()) {
            FormParameters.parse(request.rawQuery().getBytes(StandardCharsets.US_ASCII), parameters);
        }
        switch (request.method()) {
            case "POST" -> FormParameters.parse(request.body(), parameters);
            case "GET" -> {
                if (request.body().length > 0) {
                    throw new ProtocolException(CommonError.MALFORMED_QUERY_STRING,
                            "A GET request carries its parameters in the query string, not a body.");
                }
            }
            default -> throw new ProtocolException(CommonError.METHOD_NOT_ALLOWED,
                    "The HTTP method " + request.method() + " is not allowed for this web service.");
        }
        return parameters;
    }
}
