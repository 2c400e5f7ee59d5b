package dev.gureum.protocol.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.protocol.http.WireRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical request text itself, for the encoding and normalization rules SigV4 spells out. */
class CanonicalRequestTest {

    /** A raw {@code +} is a literal plus (RFC 3986), not a form-encoded space: the SDKs send spaces as %20. */
    @Test
    void queryIsDecodedReencodedAndSorted() {
        assertEquals("Action=Describe&Filter.1.Value.1=a%20b%2Fc%2A~%C3%A9&Filter.1.Value.10=x&Filter.1.Value.2=%2B"
                        + "&acl=&z=1&z=2",
                QueryString.canonical("z=2&acl&Filter.1.Value.10=x&Filter.1.Value.2=+&Action=Describe"
                        + "&Filter.1.Value.1=a%20b%2fc*%7E%C3%A9&z=1", null));
    }

    @Test
    void presignedSignatureParameterIsLeftOut() {
        assertEquals("Action=Describe",
                QueryString.canonical("X-Amz-Signature=abc&Action=Describe", "X-Amz-Signature"));
    }

    @Test
    void pathIsNormalizedAndEncodedAgainOutsideS3() {
        assertEquals("/a/c/d%2520e/", canonicalPath("/a/./b/../c//d%20e/", "ec2"));
        assertEquals("/", canonicalPath("/./..//", "ec2"));
        assertEquals("/", canonicalPath("", "ec2"));
    }

    @Test
    void pathIsEncodedOnceInS3() {
        assertEquals("/my%20cat%2Bdog/./x", canonicalPath("/my%20cat+dog/./x", "s3"));
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndJoined() {
        WireRequest request = new WireRequest("GET", "/", "", Map.of(
                "host", List.of("example.com"),
                "my-header", List.of("  a   b\tc  ", " second ")), null);

        String canonical = CanonicalRequest.withoutPayloadHash(request, claim("host;my-header", "ec2"));

        assertEquals("GET\n/\n\nhost:example.com\nmy-header:a b c,second\n\nhost;my-header\n", canonical);
    }

    private static String canonicalPath(String rawPath, String service) {
        WireRequest request = new WireRequest("GET", rawPath, "", Map.of("host", List.of("h")), null);
        String canonical = CanonicalRequest.withoutPayloadHash(request, claim("host", service));
        return canonical.substring(4, canonical.indexOf('\n', 4));
    }

    private static SignatureClaim claim(String signedHeaders, String service) {
        return new SignatureClaim(new CredentialScope("AKID", "20261129", "us-east-1", service),
                new AmzDate("20261129T100000Z", Instant.parse("2026-11-29T10:00:00Z").getEpochSecond()),
                signedHeaders, "signature", SignatureClaim.ALLOWED_SKEW_SECONDS, false);
    }
}
