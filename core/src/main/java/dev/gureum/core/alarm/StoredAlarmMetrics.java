package dev.gureum.core.alarm;

import dev.gureum.core.metrics.DataQuery;
import dev.gureum.core.metrics.MetricDataService;
import dev.gureum.core.metrics.MetricDimension;
import dev.gureum.core.metrics.MetricKey;
import dev.gureum.core.metrics.MetricQueries;
import dev.gureum.core.metrics.Points;
import dev.gureum.core.metrics.Stat;
import dev.gureum.core.metrics.TimedValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarms reading CloudWatch's own metric store: a statistic through {@link MetricQueries} (with each period's
 * sample count beside its value), metric-math queries through {@link MetricDataService}, as GetMetricData
 * evaluates them.
 */
public final class StoredAlarmMetrics implements AlarmMetrics {
    private static final Stat SAMPLE_COUNT = Stat.standard(Stat.Standard.SampleCount);

    private final MetricQueries queries;
    private final MetricDataService data;

    public StoredAlarmMetrics(MetricQueries queries, MetricDataService data) {
        this.queries = queries;
        this.data = data;
    }

    @Override
    public List<Datapoint> statistic(String account, String region, MetricRef metric, String statistic, int period,
                                     Instant start, Instant end) {
        MetricKey key = key(account, region, metric);
        List<TimedValue> values = queries.statistic(key, Stat.parse(statistic), period, start, end, metric.unit());
        Map<Instant, Double> counts = new HashMap<>();
        for (TimedValue count : queries.statistic(key, SAMPLE_COUNT, period, start, end, metric.unit())) {
            counts.put(count.timestamp(), count.value());
        }
        List<Datapoint> datapoints = new ArrayList<>(values.size());
        for (TimedValue value : values) {
            datapoints.add(new Datapoint(value.timestamp(), value.value(), counts.getOrDefault(value.timestamp(), 0.0)));
        }
        return datapoints;
    }

    @Override
    public List<Datapoint> expressions(String account, String region, List<AlarmQuery> alarmQueries, int period,
                                       Instant start, Instant end) {
        List<DataQuery> dataQueries = alarmQueries.stream().map(query -> dataQuery(query, period)).toList();
        List<MetricDataService.Evaluated> evaluated = data.evaluate(account, region, dataQueries, start, end);
        if (evaluated.isEmpty()) {
            return List.of();
        }
        Points points = evaluated.get(0).points();
        List<Datapoint> datapoints = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            datapoints.add(new Datapoint(Instant.ofEpochSecond(points.time(i)), points.value(i), 1));
        }
        return datapoints;
    }

    private static DataQuery dataQuery(AlarmQuery query, int period) {
        if (query.metric() == null) {
            return new DataQuery(query.id(), null, query.expression(), query.label(), query.returnsData(),
                    query.period() != null ? query.period() : period);
        }
        MetricRef metric = query.metric();
        return new DataQuery(query.id(), new DataQuery.MetricStatSpec(metric.namespace(), metric.metricName(),
                dimensions(metric), query.metricPeriod() != null ? query.metricPeriod() : period, query.stat(),
                metric.unit()), null, query.label(), query.returnsData(), null);
    }

    private static MetricKey key(String account, String region, MetricRef metric) {
        return new MetricKey(account, region, metric.namespace(), metric.metricName(), dimensions(metric));
    }

    private static List<MetricDimension> dimensions(MetricRef metric) {
        return metric.dimensions().stream().map(d -> new MetricDimension(d.name(), d.value())).toList();
    }
}
