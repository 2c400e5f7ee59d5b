package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Signature Version 4 as real clients produce it: what is accepted, what is refused and with which
 * code, access keys managed with {@code gureum keys}, and {@code --auth any}.
 */
class SigV4IT {
    private static final String DESCRIBE_REGIONS = "Action=DescribeRegions&Version=2016-11-15";
    private static GureumProcess server;

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void sdkWithTheRightSecretIsAccepted() {
        try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            assertEquals(34, ec2.describeRegions().regions().size());
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        try (Ec2Client ec2 = Clients.ec2(server.endpoint(), Region.US_EAST_1, "test", "not-the-secret")) {
            Ec2PlatformIT.assertError(403, "SignatureDoesNotMatch", ec2::describeRegions);
        }
    }

    @Test
    void unknownKeyIsAuthFailure() {
        try (Ec2Client ec2 = Clients.ec2(server.endpoint(), Region.US_EAST_1, "AKIANOSUCHKEY0000000", "x")) {
            Ec2PlatformIT.assertError(401, "AuthFailure", ec2::describeRegions);
        }
    }

    /** The services other than EC2 answer an unknown key with AWS's common InvalidClientTokenId, in their envelope. */
    @Test
    void unknownKeyIsInvalidClientTokenIdOutsideEc2() {
        var unknown = software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIANOSUCHKEY0000000", "x"));
        try (var sns = software.amazon.awssdk.services.sns.SnsClient.builder().endpointOverride(server.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(unknown).build();
             var cloudWatch = software.amazon.awssdk.services.cloudwatch.CloudWatchClient.builder()
                     .endpointOverride(server.endpoint()).region(Region.US_EAST_1).credentialsProvider(unknown).build()) {
            var snsError = org.junit.jupiter.api.Assertions.assertThrows(
                    software.amazon.awssdk.awscore.exception.AwsServiceException.class, sns::listTopics);
            assertEquals("InvalidClientTokenId 403", snsError.awsErrorDetails().errorCode() + " " + snsError.statusCode());
            var cloudWatchError = org.junit.jupiter.api.Assertions.assertThrows(
                    software.amazon.awssdk.awscore.exception.AwsServiceException.class, cloudWatch::listMetrics);
            assertEquals("InvalidClientTokenId 403", cloudWatchError.awsErrorDetails().errorCode() + " "
                    + cloudWatchError.statusCode());
        }
    }

    /**
     * JSON services that never spoke aws-query answer in their own terms: Cost Explorer (awsJson) and Savings Plans
     * (REST-JSON) refuse an unknown key with UnrecognizedClientException and a request without credentials with
     * MissingAuthenticationTokenException, as the CLI shows them.
     */
    @Test
    void jsonServicesAnswerUnknownKeysAndMissingCredentialsInTheirOwnTerms() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(AwsCli.installed(), "the aws CLI is not installed at /usr/bin/aws");
        AwsCli stranger = new AwsCli(server.endpoint(), "AKIANOSUCHKEY0000000", "x");
        AwsCli.assertServerError("UnrecognizedClientException", stranger.run("ce", "get-cost-and-usage",
                "--time-period", "Start=2026-11-01,End=2026-11-02", "--granularity", "DAILY", "--metrics",
                "UnblendedCost"));
        AwsCli.assertServerError("UnrecognizedClientException", stranger.run("savingsplans", "describe-savings-plans"));
        var unsigned = java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSInsightsIndexService.GetCostAndUsage")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        var unsignedRest = java.net.http.HttpRequest.newBuilder(server.endpoint().resolve("/DescribeSavingsPlans"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            HttpResponse<String> awsJson = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
            assertEquals(400, awsJson.statusCode(), awsJson.body());
            assertTrue(awsJson.body().contains("\"__type\":\"MissingAuthenticationTokenException\""), awsJson.body());
            HttpResponse<String> restJson = http.send(unsignedRest, HttpResponse.BodyHandlers.ofString());
            assertEquals(403, restJson.statusCode(), restJson.body());
            assertEquals("MissingAuthenticationTokenException",
                    restJson.headers().firstValue("x-amzn-ErrorType").orElse(null), restJson.body());
        }
    }

    @Test
    void unsignedRequestIsAuthFailure() {
        HttpResponse<String> response = SignedRequests.get(URI.create(server.endpoint() + "/?" + DESCRIBE_REGIONS));
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("<Code>AuthFailure</Code>"), response.body());
    }

    @Test
    void tamperedBodyIsSignatureDoesNotMatch() {
        SdkHttpRequest signed = SignedRequests.formPost(server.endpoint(), DESCRIBE_REGIONS, "test", "test",
                Instant.now(), options -> { });
        assertEquals(200, SignedRequests.send(signed, DESCRIBE_REGIONS).statusCode());
        HttpResponse<String> tampered = SignedRequests.send(signed, DESCRIBE_REGIONS + "&RegionName.1=eu-west-1");
        assertEquals(403, tampered.statusCode());
        assertTrue(tampered.body().contains("<Code>SignatureDoesNotMatch</Code>"), tampered.body());
    }

    @Test
    void signatureFromTwentyMinutesAgoHasExpired() {
        SdkHttpRequest stale = SignedRequests.formPost(server.endpoint(), DESCRIBE_REGIONS, "test", "test",
                Instant.now().minus(Duration.ofMinutes(20)), options -> { });
        HttpResponse<String> response = SignedRequests.send(stale, DESCRIBE_REGIONS);
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>RequestExpired</Code>"), response.body());
    }

    @Test
    void presignedUrlWorksUntilItExpires() {
        URI fresh = SignedRequests.presignedGet(server.endpoint(), DESCRIBE_REGIONS, Duration.ofMinutes(5), Instant.now());
        HttpResponse<String> ok = SignedRequests.get(fresh);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("<regionName>us-east-1</regionName>"));
        URI expired = SignedRequests.presignedGet(server.endpoint(), DESCRIBE_REGIONS, Duration.ofSeconds(60),
                Instant.now().minus(Duration.ofMinutes(5)));
        HttpResponse<String> refused = SignedRequests.get(expired);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("<Code>RequestExpired</Code>"), refused.body());
    }

    @Test
    void keysAddedWithTheCommandLineWorkWithoutRestartAndRemovedKeysStop() throws Exception {
        List<String> added = gureum("keys", "add", "--account", "111122223333", "--data-dir",
                server.dataDirectory().toString());
        String keyId = value(added, "access key id:");
        String secret = value(added, "secret access key:");
        assertTrue(keyId.matches("AKIA[A-Z2-7]{16}"), keyId);
        assertEquals(40, secret.length());
        assertTrue(gureum("keys", "list", "--data-dir", server.dataDirectory().toString()).stream()
                .anyMatch(line -> line.equals(keyId + "\t111122223333")));
        try (Ec2Client ec2 = Clients.ec2(server.endpoint(), Region.US_EAST_1, keyId, secret)) {
            eventually(() -> ec2.describeRegions().regions().size() == 34);
            gureum("keys", "remove", keyId, "--data-dir", server.dataDirectory().toString());
            eventually(() -> {
                try {
                    ec2.describeRegions();
                    return false;
                } catch (software.amazon.awssdk.services.ec2.model.Ec2Exception e) {
                    return e.awsErrorDetails().errorCode().equals("AuthFailure");
                }
            });
        }
    }

    @Test
    void anyAuthAcceptsEveryKeyAndAnyRequestSigned() {
        try (GureumProcess permissive = GureumProcess.start("--auth", "any");
             Ec2Client ec2 = Clients.ec2(permissive.endpoint(), Region.US_EAST_1, "123456789012", "whatever")) {
            assertEquals(34, ec2.describeRegions().regions().size());
            assertEquals(200, SignedRequests.get(URI.create(permissive.endpoint() + "/?" + DESCRIBE_REGIONS)).statusCode());
        }
    }

    private static List<String> gureum(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("gureum.serverJar", "../server/target/gureum-server.jar")));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output.lines().toList();
    }

    private static String value(List<String> lines, String label) {
        return lines.stream().filter(line -> line.startsWith(label)).findFirst().orElseThrow()
                .substring(label.length()).trim();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(100);
        }
    }
}
