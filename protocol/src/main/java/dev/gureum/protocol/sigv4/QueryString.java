package dev.gureum.protocol.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a raw (still percent-encoded) query string for SigV4: single parameter look-ups, and the
 * canonical query — every parameter decoded, re-encoded per RFC 3986, sorted by name then value. A
 * parameter without {@code =} (as in {@code ?acl}) canonicalizes to {@code acl=}.
 */
final class QueryString {
    private static final Comparator<EncodedParameter> CANONICAL_ORDER =
            Comparator.comparing(EncodedParameter::name).thenComparing(EncodedParameter::value);

    private QueryString() {
    }

    /** The decoded value of the first parameter whose raw name is exactly {@code name}, or null. */
    static String value(String rawQuery, String name) {
        int start = 0;
        while (start < rawQuery.length()) {
            int end = parameterEnd(rawQuery, start);
            int nameEnd = nameEnd(rawQuery, start, end);
            if (nameEnd - start == name.length() && rawQuery.startsWith(name, start)) {
                return nameEnd == end ? "" : UriEncoding.decode(rawQuery.substring(nameEnd + 1, end));
            }
            start = end + 1;
        }
        return null;
    }

    /** The canonical query string, leaving out the parameter named {@code excludedName} (null: none). */
    static String canonical(String rawQuery, String excludedName) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<EncodedParameter> parameters = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int start = 0;
        while (start < rawQuery.length()) {
            int end = parameterEnd(rawQuery, start);
            if (end > start) {
                int nameEnd = nameEnd(rawQuery, start, end);
                buffer.setLength(0);
                UriEncoding.appendDecodedThenEncoded(buffer, rawQuery, start, nameEnd, false);
                String name = buffer.toString();
                if (!name.equals(excludedName)) {
                    buffer.setLength(0);
                    if (nameEnd < end) {
                        UriEncoding.appendDecodedThenEncoded(buffer, rawQuery, nameEnd + 1, end, false);
                    }
                    parameters.add(new EncodedParameter(name, buffer.toString()));
                }
            }
            start = end + 1;
        }
        parameters.sort(CANONICAL_ORDER);
        buffer.setLength(0);
        for (EncodedParameter parameter : parameters) {
            if (!buffer.isEmpty()) {
                buffer.append('&');
            }
            buffer.append(parameter.name()).append('=').append(parameter.value());
        }
        return buffer.toString();
    }

    private static int parameterEnd(String rawQuery, int start) {
        int ampersand = rawQuery.indexOf('&', start);
        return ampersand < 0 ? rawQuery.length() : ampersand;
    }

    private static int nameEnd(String rawQuery, int start, int end) {
        int equals = rawQuery.indexOf('=', start);
        return equals < 0 || equals > end ? end : equals;
    }

    private record EncodedParameter(String name, String value) {
    }
}
