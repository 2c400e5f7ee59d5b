package dev.gureum.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Real AWS SDK for Java v2 clients pointed at a Gureum endpoint, on the SDK's default Apache HTTP client
 * (the URLConnection client cannot read the body of a 401, which is how EC2 answers AuthFailure).
 */
public final class Clients {
    private Clients() {
    }

    public static Ec2Client ec2(URI endpoint) {
        return ec2(endpoint, Region.US_EAST_1, "test", "test");
    }

    public static Ec2Client ec2(URI endpoint, Region region, String accessKeyId, String secret) {
        return Ec2Client.builder()
                .endpointOverride(endpoint)
                .region(region)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.retries.DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
