package dev.gureum.protocol.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;

/** Small helpers shared by the SigV4 tests: copies of requests with one thing changed, and failure checks. */
final class Requests {
    private Requests() {
    }

    static SigV4Verifier verifierAt(Instant now, Credential... known) {
        Map<String, Credential> byKey = new HashMap<>();
        for (Credential credential : known) {
            byKey.put(credential.accessKeyId(), credential);
        }
        return new SigV4Verifier(accessKeyId -> Optional.ofNullable(byKey.get(accessKeyId)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static WireRequest withHeader(WireRequest request, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>(request.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, List.of(value));
        }
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    static WireRequest withBody(WireRequest request, byte[] body) {
        return new WireRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(), body);
    }

    static WireRequest withQuery(WireRequest request, String rawQuery) {
        return new WireRequest(request.method(), request.rawPath(), rawQuery, request.headers(), request.body());
    }

    static ProtocolException assertRejected(CommonError expected, Executable call) {
        ProtocolException failure = assertThrows(ProtocolException.class, call);
        assertEquals(expected.code(), failure.error().code(), failure.getMessage());
        assertEquals(expected.httpStatus(), failure.error().httpStatus());
        return failure;
    }
}
