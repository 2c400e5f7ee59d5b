package dev.gureum.protocol.sigv4;

import static dev.gureum.protocol.sigv4.Requests.assertRejected;
import static dev.gureum.protocol.sigv4.Requests.verifierAt;
import static dev.gureum.protocol.sigv4.Requests.withHeader;
import static dev.gureum.protocol.sigv4.Requests.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.http.WireRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Requests whose authentication cannot even be read: the error names what is wrong, as AWS does. */
class MalformedAuthenticationTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Credential KNOWN = new Credential("AKIDEXAMPLE", "secret", "123456789012");
    private static final String VALID_AUTHORIZATION = "AWS4-HMAC-SHA256 "
            + "Credential=AKIDEXAMPLE/20261129/us-east-1/ec2/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=0000000000000000000000000000000000000000000000000000000000000000";

    private final SigV4Verifier verifier = verifierAt(NOW, KNOWN);

    @Test
    void noAuthenticationAtAll() {
        WireRequest request = request(null);

        assertEquals(Optional.empty(), CredentialScope.peek(request));
        assertRejected(CommonError.AUTH_FAILURE, () -> verifier.verify(request));
    }

    @Test
    void missingPartsAreAllNamed() {
        var failure = assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(
                request("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/ec2/aws4_request")));

        assertEquals("Authorization header requires 'Signature' parameter. Authorization header requires "
                + "'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 "
                + "Credential=AKIDEXAMPLE/20261129/us-east-1/ec2/aws4_request", failure.getMessage());
    }

    @Test
    void missingDateIsNamed() {
        WireRequest request = withHeader(request(VALID_AUTHORIZATION), "x-amz-date", null);

        var failure = assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(request));
        assertTrue(failure.getMessage().startsWith(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    }

    @Test
    void partWithoutEqualsSign() {
        assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(request(
                "AWS4-HMAC-SHA256 AKIDEXAMPLE/20261129/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00")));
    }

    @Test
    void otherAlgorithm() {
        assertRejected(CommonError.INCOMPLETE_SIGNATURE,
                () -> verifier.verify(request(VALID_AUTHORIZATION.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"))));
    }

    @Test
    void signatureVersionTwoHeader() {
        assertRejected(CommonError.INCOMPLETE_SIGNATURE,
                () -> verifier.verify(request("AWS AKIDEXAMPLE:qaNdqGsI6bq4Hi+9Gzovwyjbh0E=")));
    }

    @Test
    void scopeWithFourElements() {
        var failure = assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(
                request(VALID_AUTHORIZATION.replace("/us-east-1/ec2/", "/ec2/"))));

        assertEquals("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                + "got 'AKIDEXAMPLE/20261129/ec2/aws4_request'", failure.getMessage());
    }

    @Test
    void scopeWithWrongTerminator() {
        assertRejected(CommonError.INCOMPLETE_SIGNATURE,
                () -> verifier.verify(request(VALID_AUTHORIZATION.replace("aws4_request", "aws4_requests"))));
    }

    @Test
    void hostMustBeSigned() {
        assertRejected(CommonError.INCOMPLETE_SIGNATURE,
                () -> verifier.verify(request(VALID_AUTHORIZATION.replace("host;x-amz-date", "x-amz-date"))));
    }

    @Test
    void dateNotInBasicFormat() {
        WireRequest request = withHeader(request(VALID_AUTHORIZATION), "x-amz-date", "2026-11-29T10:00:00Z");

        assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(request));
    }

    @Test
    void scopeDateDifferentFromSigningDate() {
        WireRequest request = request(VALID_AUTHORIZATION.replace("/20261129/", "/20261128/"));

        var failure = assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(request));
        assertEquals("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20261128' != '20261129', from '20261129T100000Z'.", failure.getMessage());
    }

    @Test
    void presignedUrlWithoutSignature() {
        WireRequest request = withQuery(request(null), "Action=DescribeRegions&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fec2%2Faws4_request"
                + "&X-Amz-Date=20261129T100000Z&X-Amz-SignedHeaders=host");

        assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(request));
    }

    @Test
    void presignedUrlLivingLongerThanAWeek() {
        WireRequest request = withQuery(request(null), "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fec2%2Faws4_request"
                + "&X-Amz-Date=20261129T100000Z&X-Amz-Expires=604801&X-Amz-SignedHeaders=host&X-Amz-Signature=00");

        assertRejected(CommonError.INCOMPLETE_SIGNATURE, () -> verifier.verify(request));
    }

    private static WireRequest request(String authorization) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("host", List.of("ec2.us-east-1.amazonaws.com"));
        headers.put("x-amz-date", List.of("20261129T100000Z"));
        if (authorization != null) {
            headers.put("authorization", List.of(authorization));
        }
        return new WireRequest("POST", "/", "", headers, new byte[0]);
    }
}
