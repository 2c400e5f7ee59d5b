package dev.gureum.server.gateway;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies sent compressed ({@code Content-Encoding: gzip}): the SDKs gzip a CloudWatch PutMetricData of
 * 10 KB or more, its model asking for request compression, and sign the compressed bytes. The signature is checked
 * on the body as it arrived; the protocols read it inflated. Inflated, a body may not be larger than the largest one
 * the server takes as it arrives, so a small compressed body cannot fill the memory.
 */
final class ContentCoding {
    private static final String GZIP = "gzip";

    private ContentCoding() {
    }

    /** The request with its body inflated and gzip taken off its content codings; itself when not compressed. */
    static WireRequest decoded(WireRequest request, int maxBytes) {
        String encoding = request.header("content-encoding");
        if (encoding == null) {
            return request;
        }
        List<String> codings = new ArrayList<>();
        for (String coding : encoding.split(",")) {
            if (!coding.isBlank()) {
                codings.add(coding.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (!codings.contains(GZIP)) {
            return request;
        }
        if (codings.lastIndexOf(GZIP) != codings.size() - 1) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION,
                    "Content-Encoding gzip must be the last coding applied to the body, not '" + encoding + "'.");
        }
        codings.removeLast();
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        if (codings.isEmpty()) {
            headers.remove("content-encoding");
        } else {
            headers.put("content-encoding", List.of(String.join(",", codings)));
        }
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), headers,
                inflated(request.body(), maxBytes));
    }

    private static byte[] inflated(byte[] body, int maxBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] inflated = in.readNBytes(maxBytes + 1);
            if (inflated.length > maxBytes) {
                throw new ProtocolException(CommonError.REQUEST_ENTITY_TOO_LARGE,
                        "The request body inflates to more than the maximum of " + maxBytes + " bytes.");
            }
            return inflated;
        } catch (IOException e) {
            throw new ProtocolException(CommonError.SERIALIZATION_EXCEPTION,
                    "The request body is not valid gzip (Content-Encoding: gzip): " + (e instanceof java.io.EOFException
                            ? "it ends before its last block" : e.getMessage()) + ".");
        }
    }
}
