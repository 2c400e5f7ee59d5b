package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/**
 * CloudWatch ({@code monitoring}) and SNS share the port with EC2: requests are routed by the SigV4
 * scope's service, then by wire format, signature-checked, and an operation without a handler (dashboards
 * here) answers {@code InvalidAction} in the envelope of the wire that carried it, which the Java SDK
 * (CBOR for CloudWatch, aws-query for SNS), the AWS CLI 2.9 (aws-query) and the AWS CLI 1.45 (awsJson for
 * CloudWatch) all read as that code. Bad input gets AWS's 4xx errors in the same envelopes.
 */
class MonitoringWireIT {
    private static final String CBOR_PATH = "/service/GraniteServiceVersion20100801/operation/";
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
    void javaSdkCloudWatchClientSpeaksCborAndReadsInvalidAction() {
        try (CloudWatchClient cloudWatch = cloudWatch("test")) {
            assertSdkError(400, "InvalidAction", CloudWatchException.class, cloudWatch::listDashboards);
            assertSdkError(400, "InvalidAction", CloudWatchException.class, () -> cloudWatch.putDashboard(request -> request
                    .dashboardName("ops").dashboardBody("{\"widgets\":[]}")));
        }
    }

    @Test
    void javaSdkCloudWatchClientReadsMissingParameterAsItsModeledException() {
        try (CloudWatchClient cloudWatch = cloudWatch("test")) {
            AwsServiceException missing = assertSdkError(400, "MissingParameter", CloudWatchException.class,
                    () -> cloudWatch.putMetricData(request -> request.metricData(MetricDatum.builder().metricName("m").build())));
            assertEquals("MissingRequiredParameterException", missing.getClass().getSimpleName());
        }
    }

    @Test
    void javaSdkClientsWithAWrongSecretGetSignatureDoesNotMatchInTheirOwnEnvelope() {
        try (CloudWatchClient cloudWatch = cloudWatch("not-the-secret"); SnsClient sns = sns("not-the-secret")) {
            assertSdkError(403, "SignatureDoesNotMatch", CloudWatchException.class, cloudWatch::listDashboards);
            assertSdkError(403, "SignatureDoesNotMatch", SnsException.class, sns::listTopics);
        }
    }

    @Test
    void javaSdkSnsClientSpeaksAwsQueryAndReadsInvalidAction() {
        try (SnsClient sns = sns("test")) {
            assertSdkError(400, "InvalidAction", SnsException.class, sns::listPlatformApplications);
            // decoded, message attributes and all, and answered by the handler: there is no topic "ops"
            assertSdkError(404, "NotFound", SnsException.class, () -> sns.publish(request -> request
                    .topicArn("arn:aws:sns:us-east-1:000000000000:ops").message("hello")
                    .messageAttributes(Map.of("color", software.amazon.awssdk.services.sns.model.MessageAttributeValue
                            .builder().dataType("String").stringValue("blue").build()))));
        }
    }

    @Test
    void awsCli29SpeaksAwsQueryToBoth() {
        assumeTrue(AwsCli.installed(), "skipped: /usr/bin/aws is not installed");
        AwsCli cli = new AwsCli(server.endpoint());
        cli.assertServerErrors(List.of(
                List.of("InvalidAction", "cloudwatch", "list-dashboards"),
                List.of("InvalidAction", "cloudwatch", "get-dashboard", "--dashboard-name", "ops"),
                List.of("InvalidAction", "sns", "list-platform-applications"),
                List.of("NotFound", "sns", "publish", "--topic-arn", "arn:aws:sns:us-east-1:000000000000:ops",
                        "--message", "hello")));
    }

    @Test
    void awsCli145SpeaksAwsJsonToCloudWatch() {
        assumeTrue(Files.isExecutable(AwsCli.NEWER_BOTOCORE_BINARY), "skipped: no " + AwsCli.NEWER_BOTOCORE_BINARY);
        AwsCli cli = new AwsCli(AwsCli.NEWER_BOTOCORE_BINARY, server.endpoint(), "test", "test");
        cli.assertServerErrors(List.of(
                List.of("InvalidAction", "cloudwatch", "list-dashboards"),
                List.of("InvalidAction", "cloudwatch", "get-dashboard", "--dashboard-name", "ops"),
                List.of("InvalidAction", "sns", "list-platform-applications")));
    }

    @Test
    void garbageCborIsSerializationExceptionInTheCborEnvelope() {
        HttpResponse<byte[]> response = SignedRequests.post(server.endpoint(), "monitoring", CBOR_PATH + "ListDashboards",
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"), HexFormat.of().parseHex("a1ff00"));
        assertEquals(400, response.statusCode());
        assertEquals("rpc-v2-cbor", response.headers().firstValue("smithy-protocol").orElse(null));
        assertEquals("SerializationException;Sender", response.headers().firstValue("x-amzn-query-error").orElse(null));
        assertEquals("application/cbor", response.headers().firstValue("content-type").orElse(null));
    }

    @Test
    void unknownCborOperationAndUnknownTargetAreInvalidAction() {
        HttpResponse<byte[]> cbor = SignedRequests.post(server.endpoint(), "monitoring", CBOR_PATH + "Frobnicate",
                Map.of("smithy-protocol", "rpc-v2-cbor", "Content-Type", "application/cbor"), new byte[0]);
        assertEquals(400, cbor.statusCode());
        assertEquals("InvalidAction;Sender", cbor.headers().firstValue("x-amzn-query-error").orElse(null));
        HttpResponse<byte[]> json = SignedRequests.post(server.endpoint(), "monitoring", "/",
                Map.of("X-Amz-Target", "GraniteServiceVersion20100801.Frobnicate",
                        "Content-Type", "application/x-amz-json-1.0"), "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, json.statusCode());
        assertTrue(text(json).contains("\"__type\":\"InvalidAction\""), text(json));
        HttpResponse<byte[]> badJson = SignedRequests.post(server.endpoint(), "monitoring", "/",
                Map.of("X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics",
                        "Content-Type", "application/x-amz-json-1.0"), "[1,2".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, badJson.statusCode());
        assertTrue(text(badJson).contains("SerializationException"), text(badJson));
    }

    @Test
    void formBodiesWithAWrongContentTypeOrNoActionAreAwsQueryErrors() {
        HttpResponse<byte[]> noAction = SignedRequests.post(server.endpoint(), "sns", "/",
                Map.of("Content-Type", "text/plain"), "hello world".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, noAction.statusCode());
        assertTrue(text(noAction).contains("<Type>Sender</Type><Code>MissingAction</Code>"), text(noAction));
        HttpResponse<byte[]> unknown = SignedRequests.post(server.endpoint(), "monitoring", "/",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "Action=Frobnicate&Version=2010-08-01".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unknown.statusCode());
        assertTrue(text(unknown).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\""
                + "http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type><Code>InvalidAction</Code>"),
                text(unknown));
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static AwsServiceException assertSdkError(int status, String code, Class<? extends AwsServiceException> type,
                                                      Executable call) {
        AwsServiceException error = assertThrows(AwsServiceException.class, call);
        assertInstanceOf(type, error);
        assertEquals(code, error.awsErrorDetails().errorCode(), error.toString());
        assertEquals(status, error.statusCode(), error.toString());
        assertTrue(error.requestId() != null && !error.requestId().isEmpty(), "no request id in " + error);
        return error;
    }

    private static CloudWatchClient cloudWatch(String secret) {
        return CloudWatchClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", secret)))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
    }

    private static SnsClient sns(String secret) {
        return SnsClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", secret)))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
    }

    private static URI endpoint() {
        return server.endpoint();
    }
}
