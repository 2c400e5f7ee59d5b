package dev.gureum.server.cloudwatch;

import dev.gureum.core.RequestContext;
import dev.gureum.core.metrics.DataQuery;
import dev.gureum.core.metrics.DataResult;
import dev.gureum.core.metrics.Datum;
import dev.gureum.core.metrics.MetricDataService;
import dev.gureum.core.metrics.MetricDimension;
import dev.gureum.core.metrics.MetricKey;
import dev.gureum.core.metrics.MetricListing;
import dev.gureum.core.metrics.MetricPut;
import dev.gureum.core.metrics.MetricService;
import dev.gureum.core.metrics.MetricStatistics;
import dev.gureum.core.metrics.Stat;
import dev.gureum.core.metrics.StatisticsDatapoint;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/** PutMetricData, GetMetricStatistics, GetMetricData and ListMetrics: AWS shapes to and from core/metrics. */
final class MetricHandlers {
    private final MetricService metrics;
    private final MetricStatistics statistics;
    private final MetricDataService data;
    private final MetricListing listing;

    MetricHandlers(MetricService metrics, MetricStatistics statistics, MetricDataService data, MetricListing listing) {
        this.metrics = metrics;
        this.statistics = statistics;
        this.data = data;
        this.listing = listing;
    }

    void registerInto(OperationTable table) {
        table.register(PutMetricDataRequest.class, this::put);
        table.register(GetMetricStatisticsRequest.class, this::statistics);
        table.register(GetMetricDataRequest.class, this::data);
        table.register(ListMetricsRequest.class, this::list);
    }

    /**
     * The data of EntityMetricData are stored like MetricData's (the entity they name is association metadata for
     * the console's related-telemetry view, which Gureum does not model), numbered after them in error messages.
     */
    PutMetricDataResponse put(PutMetricDataRequest request, RequestContext context) {
        List<Datum> data = new java.util.ArrayList<>(request.metricData().stream().map(MetricHandlers::datum).toList());
        request.entityMetricData().forEach(entity -> entity.metricData().forEach(datum -> data.add(datum(datum))));
        metrics.put(context, request.namespace(), data);
        return PutMetricDataResponse.builder().build();
    }

    GetMetricStatisticsResponse statistics(GetMetricStatisticsRequest request, RequestContext context) {
        List<StatisticsDatapoint> datapoints = statistics.get(context, request.namespace(), request.metricName(),
                dimensions(request.dimensions()), request.startTime(), request.endTime(), request.period(),
                request.hasStatistics() ? request.statisticsAsStrings() : null,
                request.hasExtendedStatistics() ? request.extendedStatistics() : null, request.unitAsString());
        return GetMetricStatisticsResponse.builder()
                .label(request.metricName())
                .datapoints(datapoints.stream().map(MetricHandlers::datapoint).toList())
                .build();
    }

    GetMetricDataResponse data(GetMetricDataRequest request, RequestContext context) {
        MetricDataService.Page page = data.get(context, request.metricDataQueries().stream().map(MetricHandlers::query)
                        .toList(), request.startTime(), request.endTime(), request.scanByAsString(), request.maxDatapoints(),
                request.nextToken());
        return GetMetricDataResponse.builder()
                .metricDataResults(page.results().stream().map(MetricHandlers::result).toList())
                .nextToken(page.nextToken())
                .messages(List.of())
                .build();
    }

    ListMetricsResponse list(ListMetricsRequest request, RequestContext context) {
        MetricListing.Page page = listing.list(context, request.namespace(), request.metricName(),
                request.dimensions().stream().map(MetricHandlers::dimension).toList(), request.recentlyActiveAsString(),
                request.nextToken());
        return ListMetricsResponse.builder()
                .metrics(page.metrics().stream().map(MetricHandlers::metric).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static Datum datum(MetricDatum datum) {
        StatisticSet set = datum.statisticValues();
        return new Datum(datum.metricName(), datum.hasDimensions() ? dimensions(datum.dimensions()) : null,
                datum.timestamp(), datum.value(), datum.hasValues() ? datum.values() : null,
                datum.hasCounts() ? datum.counts() : null,
                set == null ? null : new MetricPut.StatisticSet(orNaN(set.sampleCount()), orNaN(set.sum()),
                        orNaN(set.minimum()), orNaN(set.maximum())),
                datum.unitAsString(), datum.storageResolution());
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static List<MetricDimension> dimensions(List<Dimension> dimensions) {
        return dimensions.stream().map(dimension -> new MetricDimension(dimension.name(), dimension.value())).toList();
    }

    private static MetricDimension dimension(DimensionFilter filter) {
        return new MetricDimension(filter.name(), filter.value());
    }

    private static Datapoint datapoint(StatisticsDatapoint point) {
        Map<Stat.Standard, Double> values = point.statistics();
        Datapoint.Builder builder = Datapoint.builder().timestamp(point.timestamp()).unit(point.unit())
                .sampleCount(values.get(Stat.Standard.SampleCount))
                .average(values.get(Stat.Standard.Average))
                .sum(values.get(Stat.Standard.Sum))
                .minimum(values.get(Stat.Standard.Minimum))
                .maximum(values.get(Stat.Standard.Maximum));
        if (!point.extendedStatistics().isEmpty()) {
            builder.extendedStatistics(point.extendedStatistics());
        }
        return builder.build();
    }

    private static DataQuery query(MetricDataQuery query) {
        DataQuery.MetricStatSpec stat = query.metricStat() == null ? null : new DataQuery.MetricStatSpec(
                query.metricStat().metric() == null ? null : query.metricStat().metric().namespace(),
                query.metricStat().metric() == null ? null : query.metricStat().metric().metricName(),
                query.metricStat().metric() == null ? List.of() : dimensions(query.metricStat().metric().dimensions()),
                query.metricStat().period(), query.metricStat().stat(), query.metricStat().unitAsString());
        return new DataQuery(query.id(), stat, query.expression(), query.label(), query.returnData(), query.period());
    }

    private static MetricDataResult result(DataResult result) {
        return MetricDataResult.builder()
                .id(result.id())
                .label(result.label())
                .timestamps(result.timestamps())
                .values(result.values())
                .statusCode(result.statusCode())
                .messages(result.messages().stream().map(message -> MessageData.builder().code(message.code())
                        .value(message.value()).build()).toList())
                .build();
    }

    private static Metric metric(MetricKey key) {
        return Metric.builder()
                .namespace(key.namespace())
                .metricName(key.metricName())
                .dimensions(key.dimensions().stream().map(dimension -> Dimension.builder().name(dimension.name())
                        .value(dimension.value()).build()).toList())
                .build();
    }
}
