package dev.gureum.protocol.sigv4;

import static dev.gureum.protocol.sigv4.Requests.assertRejected;
import static dev.gureum.protocol.sigv4.Requests.verifierAt;
import static dev.gureum.protocol.sigv4.Requests.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors: AWS's published SigV4 test-suite case "get-vanilla", and requests signed offline by
 * botocore 1.43 (what the AWS CLI sends): no {@code x-amz-content-sha256}, header-signed or presigned; the
 * S3 ones cover single path encoding and presigning with {@code UNSIGNED-PAYLOAD}.
 */
class SigV4VectorTest {
    private static final Credential AWS_EXAMPLE =
            new Credential("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "000000000000");
    private static final Credential BOTOCORE =
            new Credential("AKIDBOTOCORE", "botocoreSecretKey/With+Chars", "111111111111");
    private static final Instant BOTOCORE_SIGNING_TIME = Instant.parse("2026-11-29T10:00:00Z");
    private static final byte[] DESCRIBE_REGIONS =
            "Action=DescribeRegions&Version=2016-11-15".getBytes(StandardCharsets.UTF_8);

    @Test
    void awsTestSuiteGetVanilla() {
        WireRequest request = new WireRequest("GET", "/", "", headers(
                "host", "example.amazonaws.com",
                "x-amz-date", "20150830T123600Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                        + "SignedHeaders=host;x-amz-date, "
                        + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"), null);

        assertEquals(AWS_EXAMPLE, verifierAt(Instant.parse("2015-08-30T12:36:00Z"), AWS_EXAMPLE).verify(request));
    }

    @Test
    void botocoreFormPostWithoutPayloadHeader() {
        assertEquals(BOTOCORE, verifierAt(BOTOCORE_SIGNING_TIME, BOTOCORE).verify(botocoreDescribeRegions()));
    }

    @Test
    void botocoreFormPostWithTamperedBody() {
        byte[] tampered = "Action=DescribeRegions&Version=2016-11-15&DryRun=true".getBytes(StandardCharsets.UTF_8);

        WireRequest request = withBody(botocoreDescribeRegions(), tampered);

        assertRejected(CommonError.SIGNATURE_DOES_NOT_MATCH,
                () -> verifierAt(BOTOCORE_SIGNING_TIME, BOTOCORE).verify(request));
    }

    @Test
    void botocoreNormalizesDotSegmentsAndCollapsesWhitespaceInHeaderValues() {
        WireRequest request = new WireRequest("GET", "/a/./b/../c//d%20e/", "", headers(
                "host", "monitoring.us-east-1.amazonaws.com",
                "my-header", "  spaced    out\tvalue  ",
                "x-amz-meta", "one",
                "x-amz-date", "20261129T100000Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDBOTOCORE/20261129/us-east-1/monitoring/aws4_request, "
                        + "SignedHeaders=host;my-header;x-amz-date;x-amz-meta, "
                        + "Signature=1389670f501460a3f656cc11871f033aa10af74304b5b981ba1fb517b97fc99a"), null);

        assertEquals(BOTOCORE, verifierAt(BOTOCORE_SIGNING_TIME, BOTOCORE).verify(request));
    }

    @Test
    void botocorePresignedUrlSignsTheBodyHash() {
        WireRequest request = new WireRequest("GET", "/", "Action=DescribeRegions&Version=2016-11-15"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDBOTOCORE%2F20261129%2Fus-east-1%2Fec2%2Faws4_request"
                + "&X-Amz-Date=20261129T100000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=710c836922472156ac34b7dda4fa6736b61712b73100d8df56b2a7dd6a06fc59",
                headers("host", "ec2.us-east-1.amazonaws.com"), null);

        assertEquals(BOTOCORE, verifierAt(BOTOCORE_SIGNING_TIME.plusSeconds(299), BOTOCORE).verify(request));
        assertRejected(CommonError.REQUEST_EXPIRED,
                () -> verifierAt(BOTOCORE_SIGNING_TIME.plusSeconds(301), BOTOCORE).verify(request));
    }

    @Test
    void botocoreS3PresignedUrlSignsUnsignedPayloadAndEncodesThePathOnce() {
        WireRequest request = new WireRequest("GET", "/photos/my%20cat%2Bdog%C3%A9.jpg", "versionId=a%2Fb"
                + "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDBOTOCORE%2F20261129%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20261129T100000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=5a473bcdb68f195cf1f1893ea813eea9b60c0929a9a93b2f1143301977dd5581",
                headers("host", "bucket.s3.us-east-1.amazonaws.com"), null);

        assertEquals(BOTOCORE, verifierAt(BOTOCORE_SIGNING_TIME, BOTOCORE).verify(request));
    }

    @Test
    void botocoreS3HeaderSignedWithPayloadHeader() {
        WireRequest request = new WireRequest("GET", "/photos/my%20cat%2Bdog%C3%A9.jpg", "", headers(
                "host", "bucket.s3.us-east-1.amazonaws.com",
                "x-amz-date", "20261129T100000Z",
                "x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDBOTOCORE/20261129/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, "
                        + "Signature=4ffdbc30ef32e27e0d329c37d8b72fe189e283eaa6b75e3dbea17bbf8db90835"), null);

        assertEquals(BOTOCORE, verifierAt(BOTOCORE_SIGNING_TIME, BOTOCORE).verify(request));
    }

    private static WireRequest botocoreDescribeRegions() {
        return new WireRequest("POST", "/", "", headers(
                "host", "ec2.us-east-1.amazonaws.com",
                "content-type", "application/x-www-form-urlencoded; charset=utf-8",
                "user-agent", "aws-cli/2.9.19",
                "content-length", "41",
                "x-amz-date", "20261129T100000Z",
                "authorization", "AWS4-HMAC-SHA256 Credential=AKIDBOTOCORE/20261129/us-east-1/ec2/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-date, "
                        + "Signature=f5c3771b2bb61eaf527942cdb15615a562d6ec06cbf13143f6f3eff57223f7bb"),
                DESCRIBE_REGIONS);
    }

    private static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            headers.put(namesAndValues[index], List.of(namesAndValues[index + 1]));
        }
        return headers;
    }
}
