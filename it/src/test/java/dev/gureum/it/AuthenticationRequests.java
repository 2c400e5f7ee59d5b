package dev.gureum.it;

import static dev.gureum.it.BadRequest.error;
import static dev.gureum.it.BadRequest.lenient;
import static dev.gureum.it.BadRequest.octets;
import static dev.gureum.it.MalformedRequests.VALID;
import static dev.gureum.it.MalformedRequests.get;
import static dev.gureum.it.MalformedRequests.post;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Malformed requests for a server in strict (SigV4) mode: unsigned, signed wrongly, signed over a
 * malformed body (authentication passes, so the codec must refuse), Authorization headers and presigned
 * queries broken by hand, and seeded random edits of a valid Authorization header.
 */
final class AuthenticationRequests {
    private static final Pattern SIGNATURE = Pattern.compile("Signature=([0-9a-f]{64})");
    private static final Pattern AUTHORIZATION = Pattern.compile("Authorization: ([^\r]*)\r\n");
    private static final String KEY = "test";
    private static final String SECRET = "test";

    private final URI endpoint;

    AuthenticationRequests(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A request that must succeed, to prove the cases below fail for the reason they were built for. */
    byte[] valid() {
        return signed(VALID, KEY, SECRET);
    }

    /** {@code POST /} with {@code body} signed by the SDK's signer ({@link SignedRequests}), as raw HTTP/1.1 bytes. */
    private byte[] signed(String body, String accessKeyId, String secret) {
        SdkHttpRequest signed = SignedRequests.formPost(endpoint, body, accessKeyId, secret, Instant.now(), options -> {
        });
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        if (signed.firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(endpoint.getAuthority()).append("\r\n");
        }
        signed.forEachHeader((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        return MalformedRequests.concat(octets(head.toString()), bytes);
    }

    List<BadRequest> all(long seed) {
        List<BadRequest> cases = new ArrayList<>();
        cases.add(error("unsigned", post(VALID), "AuthFailure"));
        cases.add(error("unsigned GET", get("/?" + VALID), "AuthFailure"));
        cases.add(error("wrong secret", signed(VALID, KEY, "not-the-secret"), "SignatureDoesNotMatch"));
        cases.add(error("unknown access key", signed(VALID, "AKIANOBODY0000000000", SECRET)));
        byte[] tampered = valid();
        tampered[tampered.length - 1] = '6';
        cases.add(error("body changed after signing", tampered, "SignatureDoesNotMatch"));
        signedButMalformed(cases);
        brokenHeaders(cases);
        signatureFlips(cases);
        randomEdits(cases, seed, 300);
        return cases;
    }

    private void signedButMalformed(List<BadRequest> cases) {
        cases.add(error("signed, bad escape", signed(VALID + "&%zz", KEY, SECRET), "MalformedQueryString"));
        cases.add(error("signed, empty name segment", signed(VALID + "&Filter..Name=x", KEY, SECRET), "UnknownParameter"));
        cases.add(error("signed, invalid UTF-8", signed(VALID + "&RegionName.1=%FF", KEY, SECRET), "MalformedQueryString"));
        cases.add(error("signed, control character", signed(VALID + "&RegionName.1=%01", KEY, SECRET), "InvalidParameterValue"));
        cases.add(error("signed, DryRun=maybe", signed(VALID + "&DryRun=maybe", KEY, SECRET), "InvalidParameterValue"));
        cases.add(error("signed, unknown Action", signed("Action=Frobnicate&Version=2016-11-15", KEY, SECRET), "InvalidAction"));
        cases.add(error("signed, timestamp past Instant.MAX", signed(
                "Action=DescribeSpotPriceHistory&Version=2016-11-15&StartTime=31556889864403200", KEY, SECRET), "InvalidParameterValue"));
    }

    private void brokenHeaders(List<BadRequest> cases) {
        String valid = new String(valid(), StandardCharsets.ISO_8859_1);
        String authorization = header(valid);
        String credential = "Credential=test/20261129/us-east-1/ec2/aws4_request";
        List<String> replacements = List.of("", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 " + credential,
                "AWS4-HMAC-SHA256 " + credential + ", SignedHeaders=host, Signature=",
                "AWS4-HMAC-SHA256 " + credential + ", SignedHeaders=host, Signature=zz",
                "AWS4-HMAC-SHA256 " + credential + ", SignedHeaders=, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA256 " + credential + ", SignedHeaders=x-not-sent, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA512 " + credential + ", SignedHeaders=host, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=" + "0".repeat(64),
                "AWS4-HMAC-SHA256 Credential=test/2026/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=test/20261129/us-east-1/ec2/aws5_request, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=host, Signature=00",
                "AWS4-HMAC-SHA256 Credential=test/20261129/%FF/ec2/aws4_request, SignedHeaders=host, Signature=00",
                authorization.replace("Signature=", "Signature=" + "f".repeat(60_000)),
                authorization + ", Signature=" + "0".repeat(64),
                "Basic dGVzdDp0ZXN0", "Bearer x", "\u00FF\u00FE");
        for (String replacement : replacements) {
            String request = valid.replace("Authorization: " + authorization, "Authorization: " + replacement);
            cases.add(error("Authorization: " + shorten(replacement), octets(request)));
        }
        for (String date : List.of("", "garbage", "20261129", "19700101T000000Z", "99991231T235959Z", "20261329T256161Z")) {
            String request = valid.replaceAll("X-Amz-Date: [^\r]*", "X-Amz-Date: " + date);
            cases.add(error("X-Amz-Date: " + date, octets(request)));
        }
        cases.add(error("x-amz-content-sha256 that does not match", octets(valid.replace("\r\n\r\n",
                "\r\nx-amz-content-sha256: " + "0".repeat(64) + "\r\n\r\n"))));
        String presigned = "/?" + VALID + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=test%2F20261129%2Fus-east-1"
                + "%2Fec2%2Faws4_request&X-Amz-SignedHeaders=host";
        cases.add(error("presigned, garbage date", get(presigned + "&X-Amz-Date=garbage&X-Amz-Expires=60&X-Amz-Signature=00")));
        cases.add(error("presigned, Expires not a number", get(presigned + "&X-Amz-Date=20261129T000000Z&X-Amz-Expires=abc&X-Amz-Signature=00")));
        cases.add(error("presigned, no signature", get(presigned + "&X-Amz-Date=20261129T000000Z&X-Amz-Expires=60")));
        cases.add(error("presigned, bad escape", get(presigned + "&X-Amz-Date=%zz&X-Amz-Signature=00")));
    }

    /** Every hex digit of a valid signature changed in turn: none may pass. */
    private void signatureFlips(List<BadRequest> cases) {
        String valid = new String(valid(), StandardCharsets.ISO_8859_1);
        Matcher signature = SIGNATURE.matcher(valid);
        if (!signature.find()) {
            throw new IllegalStateException("the SDK signer wrote no Signature: " + valid);
        }
        for (int i = 0; i < 64; i++) {
            char[] flipped = signature.group(1).toCharArray();
            flipped[i] = flipped[i] == '0' ? '1' : '0';
            String request = valid.substring(0, signature.start(1)) + new String(flipped) + valid.substring(signature.end(1));
            cases.add(error("signature digit " + i + " changed", octets(request), "SignatureDoesNotMatch"));
        }
    }

    /** Random edits of the Authorization value; an edit that keeps the meaning may pass, nothing may crash. */
    private void randomEdits(List<BadRequest> cases, long seed, int n) {
        Random random = new Random(seed);
        String valid = new String(valid(), StandardCharsets.ISO_8859_1);
        String authorization = header(valid);
        for (int i = 0; i < n; i++) {
            StringBuilder edited = new StringBuilder(authorization);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(edited.length());
                char c = (char) (0x20 + random.nextInt(0x5F));
                switch (random.nextInt(3)) {
                    case 0 -> edited.setCharAt(at, c);
                    case 1 -> edited.insert(at, c);
                    default -> edited.deleteCharAt(at);
                }
            }
            String request = valid.replace("Authorization: " + authorization, "Authorization: " + edited);
            cases.add(lenient("Authorization edited (seed " + seed + ", #" + i + ")", octets(request)));
        }
    }

    private static String header(String request) {
        Matcher matcher = AUTHORIZATION.matcher(request);
        if (!matcher.find()) {
            throw new IllegalStateException("the SDK signer wrote no Authorization header: " + request);
        }
        return matcher.group(1);
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
