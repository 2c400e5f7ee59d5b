package dev.gureum.server;

import dev.gureum.protocol.Call;
import dev.gureum.protocol.ec2.Ec2Protocol;
import dev.gureum.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * Loads, on the second core while the main thread opens the store, the classes every first request
 * needs: the crypto providers SigV4 uses and the EC2 codec's path. It changes no state; it only moves
 * class loading and initialisation off the critical path of a cold start.
 */
final class StartupWarmup {
    private StartupWarmup() {
    }

    static void run() {
        try {
            MessageDigest.getInstance("SHA-256").digest(new byte[1]);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            mac.doFinal(new byte[1]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256 and HMAC-SHA256", e);
        }
        Ec2Protocol protocol = new Ec2Protocol();
        Call call = protocol.decode(new WireRequest("POST", "/", "", Map.of(),
                "Action=DescribeRegions&Version=2016-11-15".getBytes(StandardCharsets.UTF_8)));
        protocol.encode(call, DescribeRegionsResponse.builder()
                .regions(List.of(Region.builder().regionName("us-east-1").build())).build(), "warm-up");
    }
}
