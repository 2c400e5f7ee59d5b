package dev.gureum.protocol.sigv4;

import static dev.gureum.protocol.sigv4.Requests.assertRejected;
import static dev.gureum.protocol.sigv4.Requests.verifierAt;
import static dev.gureum.protocol.sigv4.Requests.withBody;
import static dev.gureum.protocol.sigv4.Requests.withHeader;
import static dev.gureum.protocol.sigv4.Requests.withQuery;
import static dev.gureum.protocol.sigv4.SdkSigning.ACCESS_KEY_ID;
import static dev.gureum.protocol.sigv4.SdkSigning.SECRET;
import static dev.gureum.protocol.sigv4.SdkSigning.SIGNING_TIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.http.WireRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** Requests signed by the real AWS SDK for Java v2 signer, verified — and tampered with — on the server side. */
class SigV4VerifierTest {
    private static final Credential ACCOUNT = new Credential(ACCESS_KEY_ID, SECRET, "123456789012");
    private static final byte[] DESCRIBE_REGIONS =
            "Action=DescribeRegions&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);

    private final SigV4Verifier verifier = verifierAt(SIGNING_TIME.plusSeconds(3), ACCOUNT);

    @Test
    void acceptsEc2FormPost() {
        WireRequest request = describeRegionsPost();

        assertEquals(ACCOUNT, verifier.verify(request));
        assertTrue(request.header("x-amz-content-sha256") != null, "the Java SDK declares the payload hash");
    }

    @Test
    void acceptsTheSameRequestAgainFromTheSigningKeyCache() {
        WireRequest request = describeRegionsPost();

        verifier.verify(request);

        assertEquals(ACCOUNT, verifier.verify(request));
    }

    @Test
    void acceptsGetWithQueryAndPathNeedingEncoding() {
        SdkHttpRequest get = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://ec2.us-east-1.amazonaws.com/some%20path/caf%C3%A9"))
                .putRawQueryParameter("Action", "DescribeInstances")
                .putRawQueryParameter("Filter.1.Name", "tag:Name")
                .putRawQueryParameter("Filter.1.Value.1", "a b/c*d~e")
                .putRawQueryParameter("Filter.1.Value.2", "서울 ☁ 𝄞")
                .putRawQueryParameter("Filter.1.Value.10", "+plus=equals&amp")
                .putRawQueryParameter("Empty", "")
                .build();
        WireRequest request = SdkSigning.sign(get, null, "ec2");

        assertEquals(ACCOUNT, verifier.verify(request));
    }

    @Test
    void acceptsPresignedUrlWithinItsLifetime() {
        WireRequest request = presignedDescribeRegions(Duration.ofMinutes(30));
        assertNull(request.header("authorization"));

        assertEquals(ACCOUNT, verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(29)), ACCOUNT).verify(request));
    }

    @Test
    void rejectsPresignedUrlPastItsExpiry() {
        WireRequest request = presignedDescribeRegions(Duration.ofMinutes(5));

        assertRejected(CommonError.REQUEST_EXPIRED,
                () -> verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(5)).plusSeconds(1), ACCOUNT).verify(request));
    }

    @Test
    void rejectsPresignedUrlWithAnAddedParameter() {
        WireRequest request = presignedDescribeRegions(Duration.ofMinutes(5));

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier.verify(withQuery(request, request.rawQuery() + "&DryRun=true")));
    }

    @Test
    void rejectsWrongSecret() {
        Credential rotated = new Credential(ACCESS_KEY_ID, "a-different-secret", "123456789012");

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH,
                () -> verifierAt(SIGNING_TIME, rotated).verify(describeRegionsPost()));
    }

    @Test
    void rejectsOldSignatureAfterSecretRotationEvenWhenTheOldKeyIsCached() {
        AtomicReference<Credential> stored = new AtomicReference<>(ACCOUNT);
        SigV4Verifier rotating = new SigV4Verifier(accessKeyId -> Optional.of(stored.get()),
                Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
        rotating.verify(describeRegionsPost());

        stored.set(new Credential(ACCESS_KEY_ID, "rotated-secret", "123456789012"));

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH, () -> rotating.verify(describeRegionsPost()));
    }

    @Test
    void rejectsUnknownAccessKey() {
        Credential someoneElse = new Credential("AKIASOMEONEELSE00001", SECRET, "210987654321");

        var failure = assertRejected(CommonError.AUTH_FAILURE,
                () -> verifierAt(SIGNING_TIME, someoneElse).verify(describeRegionsPost()));
        assertEquals("AWS was not able to validate the provided access credentials", failure.getMessage());
    }

    @Test
    void rejectsTamperedBody() {
        byte[] tampered = "Action=DescribeRegions&Version=2016-11-15&DryRun=true".getBytes(StandardCharsets.UTF_8);

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH,
                () -> verifier.verify(withBody(describeRegionsPost(), tampered)));
    }

    @Test
    void rejectsTamperedBodyWithMatchingPayloadHeader() {
        byte[] tampered = "Action=TerminateInstances&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);
        String tamperedHash = Hashing.hex(Hashing.sha256().digest(tampered));
        WireRequest request = withHeader(withBody(describeRegionsPost(), tampered), "x-amz-content-sha256",
                tamperedHash);

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(request));
    }

    @Test
    void rejectsTamperedSignedHeader() {
        WireRequest request = withHeader(describeRegionsPost(), "content-type", "application/json");

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(request));
    }

    @Test
    void ignoresUnsignedHeaders() {
        WireRequest request = withHeader(describeRegionsPost(), "user-agent", "curl/8.0");

        assertEquals(ACCOUNT, verifier.verify(request));
    }

    @Test
    void rejectsHeaderSignedUnsignedPayload() {
        WireRequest request = SdkSigning.sign(describeRegionsRequest(), DESCRIBE_REGIONS, "ec2",
                options -> options.putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false));
        assertEquals("UNSIGNED-PAYLOAD", request.header("x-amz-content-sha256"));

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(request));
    }

    @Test
    void rejectsSigningTimeSixteenMinutesInThePast() {
        var failure = assertRejected(CommonError.REQUEST_EXPIRED,
                () -> verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(16)), ACCOUNT).verify(describeRegionsPost()));
        assertEquals("Request has expired.", failure.getMessage());
    }

    @Test
    void rejectsSigningTimeSixteenMinutesInTheFuture() {
        assertRejected(CommonError.REQUEST_EXPIRED,
                () -> verifierAt(SIGNING_TIME.minus(Duration.ofMinutes(16)), ACCOUNT).verify(describeRegionsPost()));
    }

    @Test
    void acceptsFifteenMinutesOfSkewEitherWay() {
        assertEquals(ACCOUNT,
                verifierAt(SIGNING_TIME.plus(Duration.ofMinutes(15)), ACCOUNT).verify(describeRegionsPost()));
        assertEquals(ACCOUNT,
                verifierAt(SIGNING_TIME.minus(Duration.ofMinutes(15)), ACCOUNT).verify(describeRegionsPost()));
    }

    @Test
    void routesByTheScopeItPeeksAt() {
        CredentialScope scope = CredentialScope.peek(describeRegionsPost()).orElseThrow();

        assertEquals(new CredentialScope(ACCESS_KEY_ID, "20261129", "us-east-1", "ec2"), scope);
        assertEquals(scope, CredentialScope.peek(presignedDescribeRegions(Duration.ofMinutes(5))).orElseThrow());
    }

    private static WireRequest describeRegionsPost() {
        return SdkSigning.sign(describeRegionsRequest(), DESCRIBE_REGIONS, "ec2");
    }

    private static SdkHttpRequest describeRegionsRequest() {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://ec2.us-east-1.amazonaws.com/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(DESCRIBE_REGIONS.length))
                .build();
    }

    private static WireRequest presignedDescribeRegions(Duration lifetime) {
        SdkHttpRequest get = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("https://ec2.us-east-1.amazonaws.com/"))
                .putRawQueryParameter("Action", "DescribeRegions")
                .putRawQueryParameter("Version", "2016-11-15")
                .build();
        return SdkSigning.sign(get, null, "ec2", options -> options
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, lifetime));
    }
}
