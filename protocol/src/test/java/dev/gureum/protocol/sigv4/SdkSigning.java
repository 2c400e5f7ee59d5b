package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests with the AWS SDK for Java v2's own SigV4 signer and turns them into what the server sees. */
final class SdkSigning {
    static final Instant SIGNING_TIME = Instant.parse("2026-11-29T10:00:00Z");
    static final String ACCESS_KEY_ID = "AKIAGUREUMEXAMPLE01";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYGUREUMKEY";
    static final String REGION = "us-east-1";

    private SdkSigning() {
    }

    static WireRequest sign(SdkHttpRequest request, byte[] body, String service,
                            Consumer<SignRequest.Builder<AwsCredentialsIdentity>> options) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign((SignRequest.Builder<AwsCredentialsIdentity> sign) -> {
            sign.identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
            if (body != null) {
                sign.payload(() -> new ByteArrayInputStream(body));
            }
            options.accept(sign);
        }).request();
        return toWire(signed, body);
    }

    static WireRequest sign(SdkHttpRequest request, byte[] body, String service) {
        return sign(request, body, service, options -> {
        });
    }

    /** The request as the HTTP server hands it over: raw path and query, lower-cased header names. */
    static WireRequest toWire(SdkHttpRequest request, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        request.forEachHeader((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).addAll(values));
        return new WireRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(""), headers, body);
    }
}
