package dev.gureum.protocol.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.protocol.http.WireRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Peeking at the claimed scope routes requests by service before anything is verified. */
class CredentialScopeTest {

    @Test
    void fromAuthorizationHeader() {
        WireRequest request = withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20261129/eu-west-2/monitoring/"
                + "aws4_request, SignedHeaders=host;x-amz-date, Signature=abc");

        assertEquals(Optional.of(new CredentialScope("AKID", "20261129", "eu-west-2", "monitoring")),
                CredentialScope.peek(request));
    }

    @Test
    void fromAuthorizationHeaderWithoutSpacesBetweenParts() {
        WireRequest request = withAuthorization("AWS4-HMAC-SHA256 SignedHeaders=host,"
                + "Credential=AKID/20261129/us-east-1/sns/aws4_request,Signature=abc");

        assertEquals("sns", CredentialScope.peek(request).orElseThrow().service());
    }

    @Test
    void fromPresignedQueryPercentDecoded() {
        WireRequest request = new WireRequest("GET", "/", "Action=DescribeRegions"
                + "&X-Amz-Credential=AKID%2F20261129%2Fap-northeast-2%2Fec2%2Faws4_request&X-Amz-Signature=abc",
                Map.of(), null);

        assertEquals(Optional.of(new CredentialScope("AKID", "20261129", "ap-northeast-2", "ec2")),
                CredentialScope.peek(request));
    }

    @Test
    void emptyWithoutSigV4() {
        assertEquals(Optional.empty(), CredentialScope.peek(new WireRequest("GET", "/", "Action=X", Map.of(), null)));
        assertEquals(Optional.empty(), CredentialScope.peek(withAuthorization("Basic dXNlcjpwYXNz")));
    }

    @Test
    void emptyForAnUnreadableCredential() {
        assertEquals(Optional.empty(), CredentialScope.peek(
                withAuthorization("AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1/ec2/aws4_request")));
        assertEquals(Optional.empty(), CredentialScope.peek(
                withAuthorization("AWS4-HMAC-SHA256 Credential=AK/ID/20261129/us-east-1/ec2/aws4_request")));
    }

    private static WireRequest withAuthorization(String authorization) {
        return new WireRequest("POST", "/", "", Map.of("authorization", List.of(authorization)), null);
    }
}
