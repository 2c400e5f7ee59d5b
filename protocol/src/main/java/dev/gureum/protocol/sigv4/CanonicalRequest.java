package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;
import java.util.List;

/**
 * The SigV4 canonical request, up to and including the signed-header line; the payload hash is appended
 * by the caller. The path arrives percent-encoded once; services other than S3 sign it normalized (dot
 * segments and empty segments removed) and encoded a second time, S3 signs it encoded exactly once.
 * Header values are trimmed with inner whitespace runs collapsed; repeated headers join with commas.
 */
final class CanonicalRequest {
    private static final String SINGLE_ENCODING_SERVICE = "s3";

    private CanonicalRequest() {
    }

    static String withoutPayloadHash(WireRequest request, SignatureClaim claim) {
        StringBuilder canonical = new StringBuilder(512);
        canonical.append(request.method()).append('\n');
        appendPath(canonical, request.rawPath(), claim.scope().service());
        canonical.append('\n');
        String excluded = claim.presigned() ? PresignedQuery.SIGNATURE_PARAMETER : null;
        canonical.append(QueryString.canonical(request.rawQuery(), excluded)).append('\n');
        String signedHeaders = claim.signedHeaders();
        int start = 0;
        while (start <= signedHeaders.length()) {
            int semicolon = signedHeaders.indexOf(';', start);
            int end = semicolon < 0 ? signedHeaders.length() : semicolon;
            String name = signedHeaders.substring(start, end);
            canonical.append(name).append(':');
            appendValues(canonical, request.headers().get(name));
            canonical.append('\n');
            start = end + 1;
        }
        return canonical.append('\n').append(signedHeaders).append('\n').toString();
    }

    private static void appendPath(StringBuilder canonical, String rawPath, String service) {
        if (rawPath == null || rawPath.isEmpty()) {
            canonical.append('/');
        } else if (SINGLE_ENCODING_SERVICE.equals(service)) {
            UriEncoding.appendDecodedThenEncoded(canonical, rawPath, 0, rawPath.length(), true);
        } else {
            String normalized = normalized(rawPath);
            UriEncoding.appendEncodedAgain(canonical, normalized, 0, normalized.length());
        }
    }

    /** The path with {@code .}, {@code ..} and empty segments resolved away; a trailing slash is kept. */
    private static String normalized(String path) {
        if (path.equals("/")) {
            return path;
        }
        StringBuilder normalized = new StringBuilder(path.length());
        int[] segmentStarts = new int[path.length()];
        int depth = 0;
        int start = 0;
        while (start < path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            int length = end - start;
            boolean current = length == 1 && path.charAt(start) == '.';
            boolean parent = length == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.';
            if (parent) {
                if (depth > 0) {
                    normalized.setLength(segmentStarts[--depth]);
                }
            } else if (length > 0 && !current) {
                segmentStarts[depth++] = normalized.length();
                normalized.append('/').append(path, start, end);
            }
            start = end + 1;
        }
        if (normalized.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? normalized.append('/').toString() : normalized.toString();
    }

    private static void appendValues(StringBuilder canonical, List<String> values) {
        if (values == null) {
            return;
        }
        for (int index = 0; index < values.size(); index++) {
            if (index > 0) {
                canonical.append(',');
            }
            appendTrimmed(canonical, values.get(index));
        }
    }

    private static void appendTrimmed(StringBuilder canonical, String value) {
        boolean started = false;
        boolean pendingSpace = false;
        for (int index = 0; index < value.length(); index++) {
            char character = value.charAt(index);
            if (character == ' ' || character == '\t' || character == '\n' || character == '\r' || character == '\f'
                    || character == 0x0B) {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    canonical.append(' ');
                    pendingSpace = false;
                }
                canonical.append(character);
                started = true;
            }
        }
    }
}
