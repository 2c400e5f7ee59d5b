package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * CloudWatch metrics end to end: PutMetricData, GetMetricStatistics, GetMetricData and ListMetrics through the
 * Java SDK (RPC v2 CBOR), the AWS CLI 2.9 (aws-query) and, where installed, the AWS CLI 1.45 (awsJson 1.0), with
 * AWS's errors, and data that survives {@code kill -9}.
 */
class MetricsIT {
    private static GureumProcess server;
    private static CloudWatchClient cloudWatch;
    private static final Instant MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(10, ChronoUnit.MINUTES);

    @BeforeAll
    static void start() {
        server = GureumProcess.start();
        connect();
    }

    private static void connect() {
        cloudWatch = CloudWatchClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        cloudWatch.close();
        server.close();
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static void putLatencies(String namespace, String host) {
        cloudWatch.putMetricData(request -> request.namespace(namespace).metricData(
                MetricDatum.builder().metricName("Latency").dimensions(dimension("Host", host)).timestamp(MINUTE)
                        .values(10.0, 20.0, 30.0).counts(1.0, 2.0, 1.0).unit(StandardUnit.MILLISECONDS).build(),
                MetricDatum.builder().metricName("Latency").dimensions(dimension("Host", host)).timestamp(MINUTE.plusSeconds(60))
                        .value(100.0).unit(StandardUnit.MILLISECONDS).build()));
    }

    @Test
    void javaSdkPutsAndReadsStatisticsPercentilesAndMetricMath() {
        putLatencies("Gureum/Sdk", "a");
        GetMetricStatisticsResponse statistics = cloudWatch.getMetricStatistics(request -> request.namespace("Gureum/Sdk")
                .metricName("Latency").dimensions(dimension("Host", "a")).startTime(MINUTE).endTime(MINUTE.plusSeconds(120))
                .period(60).statistics(Statistic.SAMPLE_COUNT, Statistic.SUM, Statistic.AVERAGE, Statistic.MAXIMUM));
        List<Datapoint> points = statistics.datapoints().stream().sorted(Comparator.comparing(Datapoint::timestamp)).toList();
        assertEquals(2, points.size(), statistics.toString());
        assertEquals(MINUTE, points.get(0).timestamp());
        assertEquals(4.0, points.get(0).sampleCount());
        assertEquals(80.0, points.get(0).sum());
        assertEquals(20.0, points.get(0).average());
        assertEquals(30.0, points.get(0).maximum());
        assertEquals(StandardUnit.MILLISECONDS, points.get(0).unit());
        assertEquals("Latency", statistics.label());

        Datapoint percentiles = cloudWatch.getMetricStatistics(request -> request.namespace("Gureum/Sdk").metricName("Latency")
                .dimensions(dimension("Host", "a")).startTime(MINUTE).endTime(MINUTE.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p99")).datapoints().get(0);
        assertEquals(20.0, percentiles.extendedStatistics().get("p50"), 0.2);
        assertEquals(30.0, percentiles.extendedStatistics().get("p99"), 0.3);

        Metric metric = Metric.builder().namespace("Gureum/Sdk").metricName("Latency").dimensions(dimension("Host", "a")).build();
        GetMetricDataResponse data = cloudWatch.getMetricData(request -> request.startTime(MINUTE)
                .endTime(MINUTE.plusSeconds(120)).scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
                        MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().metric(metric).period(60)
                                .stat("Sum").build()).returnData(false).build(),
                        MetricDataQuery.builder().id("e1").expression("m1 / 10").label("tenths").build()));
        assertEquals(1, data.metricDataResults().size());
        assertEquals("tenths", data.metricDataResults().get(0).label());
        assertEquals(List.of(8.0, 10.0), data.metricDataResults().get(0).values());
        assertEquals(List.of(MINUTE, MINUTE.plusSeconds(60)), data.metricDataResults().get(0).timestamps());
        assertEquals("Complete", data.metricDataResults().get(0).statusCodeAsString());

        List<Metric> listed = cloudWatch.listMetrics(request -> request.namespace("Gureum/Sdk")
                .dimensions(DimensionFilter.builder().name("Host").build())).metrics();
        assertEquals(List.of(metric), listed);
    }

    @Test
    void entityMetricDataIsStoredLikeMetricData() {
        cloudWatch.putMetricData(request -> request.namespace("Gureum/Entity").entityMetricData(EntityMetricData.builder()
                .entity(entity -> entity.keyAttributes(java.util.Map.of("Type", "Service", "Name", "web",
                        "Environment", "test")))
                .metricData(MetricDatum.builder().metricName("Hits").timestamp(MINUTE).value(3.0).build()).build()));
        assertEquals(3.0, cloudWatch.getMetricStatistics(request -> request.namespace("Gureum/Entity").metricName("Hits")
                .startTime(MINUTE).endTime(MINUTE.plusSeconds(60)).period(60).statistics(Statistic.SUM))
                .datapoints().get(0).sum());
    }

    @Test
    void javaSdkGetsAwsErrors() {
        CloudWatchException reserved = assertThrows(CloudWatchException.class, () -> cloudWatch.putMetricData(request -> request
                .namespace("AWS/EC2").metricData(MetricDatum.builder().metricName("CPUUtilization").value(1.0).build())));
        assertEquals("InvalidParameterValue", reserved.awsErrorDetails().errorCode());
        assertEquals(400, reserved.statusCode());
        assertEquals("The value AWS/ for parameter Namespace is invalid.", reserved.awsErrorDetails().errorMessage());
        CloudWatchException tooMany = assertThrows(CloudWatchException.class, () -> cloudWatch.getMetricStatistics(request ->
                request.namespace("Gureum/Sdk").metricName("Latency").startTime(MINUTE.minusSeconds(86460))
                        .endTime(MINUTE).period(60).statistics(Statistic.SUM)));
        assertEquals("InvalidParameterCombination", tooMany.awsErrorDetails().errorCode());
        assertTrue(tooMany.awsErrorDetails().errorMessage().contains("which exceeds the limit of 1,440"));
    }

    @Test
    void awsCli29SpeaksAwsQuery() {
        assumeTrue(AwsCli.installed(), "skipped: /usr/bin/aws is not installed");
        AwsCli cli = new AwsCli(server.endpoint());
        String dimensions = "\"Dimensions\":[{\"Name\":\"Queue\",\"Value\":\"jobs\"}],\"Timestamp\":\"" + MINUTE + "\"";
        cli.text("cloudwatch", "put-metric-data", "--namespace", "Gureum/Cli", "--metric-data", "[{\"MetricName\":\"Queue\","
                + dimensions + ",\"Values\":[3,5],\"Counts\":[1,1],\"Unit\":\"Count\"},{\"MetricName\":\"Queue\","
                + dimensions + ",\"StatisticValues\":{\"SampleCount\":2,\"Sum\":10,\"Minimum\":4,\"Maximum\":6},"
                + "\"Unit\":\"Count\"}]");
        JsonNode statistics = cli.json("cloudwatch", "get-metric-statistics", "--namespace", "Gureum/Cli", "--metric-name",
                "Queue", "--dimensions", "Name=Queue,Value=jobs", "--start-time", MINUTE.toString(), "--end-time",
                MINUTE.plusSeconds(60).toString(), "--period", "60", "--statistics", "Sum", "SampleCount", "Maximum");
        JsonNode point = statistics.field("Datapoints").orElseThrow().asArray().get(0);
        assertEquals("18.0", point.field("Sum").orElseThrow().asNumber());
        assertEquals("4.0", point.field("SampleCount").orElseThrow().asNumber());
        assertEquals("6.0", point.field("Maximum").orElseThrow().asNumber());
        assertEquals("Count", point.field("Unit").orElseThrow().asString());
        String listed = cli.text("cloudwatch", "list-metrics", "--namespace", "Gureum/Cli", "--query",
                "Metrics[].[MetricName,Dimensions[0].Value]");
        assertEquals("Queue\tjobs", listed);
        String queries = "[{\"Id\":\"q\",\"MetricStat\":{\"Metric\":{\"Namespace\":\"Gureum/Cli\",\"MetricName\":\"Queue\","
                + "\"Dimensions\":[{\"Name\":\"Queue\",\"Value\":\"jobs\"}]},\"Period\":60,\"Stat\":\"Average\"},\"ReturnData\":false},"
                + "{\"Id\":\"doubled\",\"Expression\":\"q * 2\"}]";
        JsonNode data = cli.json("cloudwatch", "get-metric-data", "--metric-data-queries", queries, "--start-time",
                MINUTE.toString(), "--end-time", MINUTE.plusSeconds(60).toString());
        JsonNode result = data.field("MetricDataResults").orElseThrow().asArray().get(0);
        assertEquals("doubled", result.field("Id").orElseThrow().asString());
        assertEquals("9.0", result.field("Values").orElseThrow().asArray().get(0).asNumber());
        cli.assertServerErrors(List.of(
                List.of("InvalidParameterValue", "cloudwatch", "put-metric-data", "--namespace", "AWS/EC2",
                        "--metric-name", "m", "--value", "1"),
                List.of("InvalidParameterCombination", "cloudwatch", "get-metric-statistics", "--namespace", "Gureum/Cli",
                        "--metric-name", "Queue", "--start-time", MINUTE.minusSeconds(86400).toString(), "--end-time",
                        MINUTE.toString(), "--period", "1", "--statistics", "Sum"),
                List.of("ValidationError", "cloudwatch", "get-metric-data", "--metric-data-queries",
                        "[{\"Id\":\"e\",\"Expression\":\"nothing + 1\"}]", "--start-time", MINUTE.toString(), "--end-time",
                        MINUTE.plusSeconds(60).toString())));
    }

    @Test
    void awsCli145SpeaksAwsJson() {
        assumeTrue(Files.isExecutable(AwsCli.NEWER_BOTOCORE_BINARY), "skipped: no " + AwsCli.NEWER_BOTOCORE_BINARY);
        AwsCli cli = new AwsCli(AwsCli.NEWER_BOTOCORE_BINARY, server.endpoint(), "test", "test");
        cli.text("cloudwatch", "put-metric-data", "--namespace", "Gureum/Json", "--metric-name", "Hits",
                "--timestamp", MINUTE.toString(), "--value", "7");
        JsonNode statistics = cli.json("cloudwatch", "get-metric-statistics", "--namespace", "Gureum/Json", "--metric-name",
                "Hits", "--start-time", MINUTE.toString(), "--end-time", MINUTE.plusSeconds(60).toString(), "--period", "60",
                "--statistics", "Sum");
        assertEquals("7.0", statistics.field("Datapoints").orElseThrow().asArray().get(0).field("Sum").orElseThrow().asNumber());
        assertEquals("Hits", cli.text("cloudwatch", "list-metrics", "--namespace", "Gureum/Json", "--query",
                "Metrics[0].MetricName"));

        // botocore gzips a PutMetricData body of 10 KB or more (the model asks for request compression)
        StringBuilder many = new StringBuilder("[");
        for (int value = 0; value < 400; value++) {
            many.append(value == 0 ? "" : ",").append("{\"MetricName\":\"Big\",\"Value\":").append(value)
                    .append(",\"Timestamp\":\"").append(MINUTE).append("\",\"Unit\":\"Count\"}");
        }
        assertTrue(many.length() > 20_000, "large enough to be sent compressed");
        cli.text("cloudwatch", "put-metric-data", "--namespace", "Gureum/Json", "--metric-data", many.append("]").toString());
        JsonNode big = cli.json("cloudwatch", "get-metric-statistics", "--namespace", "Gureum/Json", "--metric-name",
                "Big", "--start-time", MINUTE.toString(), "--end-time", MINUTE.plusSeconds(60).toString(), "--period", "60",
                "--statistics", "Sum", "SampleCount").field("Datapoints").orElseThrow().asArray().get(0);
        assertEquals("79800.0", big.field("Sum").orElseThrow().asNumber());
        assertEquals("400.0", big.field("SampleCount").orElseThrow().asNumber());
    }

    @Test
    void acknowledgedDataSurvivesKill() {
        putLatencies("Gureum/Durable", "b");
        server.kill();
        server.restart();
        cloudWatch.close(); // its pooled connection died with the server (it does not retry); the other tests share it
        connect();
        List<Datapoint> points = cloudWatch.getMetricStatistics(request -> request.namespace("Gureum/Durable")
                .metricName("Latency").dimensions(dimension("Host", "b")).startTime(MINUTE)
                .endTime(MINUTE.plusSeconds(120)).period(120).statistics(Statistic.SUM)).datapoints();
        assertEquals(1, points.size());
        assertEquals(180.0, points.get(0).sum());
    }
}
