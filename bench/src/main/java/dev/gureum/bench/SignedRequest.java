package dev.gureum.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * An EC2 {@code DescribeRegions} query POST signed by the AWS SDK's own SigV4 signer with the key a fresh
 * data directory starts with ({@code test}/{@code test}). The signature covers the Host header, so a
 * request is signed for one port; Gureum accepts it for 15 minutes after signing.
 */
record SignedRequest(Map<String, String> headers, byte[] body) {
    private static final String BODY = "Action=DescribeRegions&Version=2016-11-15";

    static SignedRequest describeRegions(int port) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:" + port + "/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign((SignRequest.Builder<AwsCredentialsIdentity> sign) -> sign
                .identity(AwsCredentialsIdentity.create("test", "test")).request(unsigned)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")).request();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "127.0.0.1:" + port);
        signed.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new SignedRequest(Collections.unmodifiableMap(headers), body);
    }

    /** The request as it goes on the wire, with the Content-Length the signer leaves to the transport. */
    byte[] toBytes() {
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    /** A wrk script that sends this request on every keep-alive connection. */
    String toWrkScript() {
        StringBuilder script = new StringBuilder();
        script.append("wrk.method = \"POST\"\n");
        script.append("wrk.path = \"/\"\n");
        script.append("wrk.body = ").append(luaString(new String(body, StandardCharsets.UTF_8))).append('\n');
        headers.forEach((name, value) -> script.append("wrk.headers[").append(luaString(name)).append("] = ")
                .append(luaString(value)).append('\n'));
        return script.toString();
    }

    private static String luaString(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
