package dev.gureum.core.metrics;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetMetricStatistics: Statistics (up to 5) or ExtendedStatistics (up to 10 percentiles), not both; Period 1, 5,
 * 10, 20, 30, 60 or a multiple of 60; StartTime before EndTime and at most 1,440 datapoints
 * (InvalidParameterCombination past it, with AWS's message). A period older than its resolution's retention
 * has no datapoint, as in CloudWatch.
 */
public final class MetricStatistics {
    static final int MAX_DATAPOINTS = 1440;
    private final MetricQueries queries;

    public MetricStatistics(MetricQueries queries) {
        this.queries = queries;
    }

    public List<StatisticsDatapoint> get(RequestContext context, String namespace, String metricName,
                                         List<MetricDimension> dimensions, Instant start, Instant end, Integer period,
                                         List<String> statistics, List<String> extendedStatistics, String unit) {
        MetricService.requireNamespace(namespace);
        if (metricName == null || metricName.isEmpty()) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter MetricName is required.");
        }
        List<MetricDimension> filter = MetricService.dimensions(dimensions, "Dimensions", true);
        boolean hasStatistics = statistics != null && !statistics.isEmpty();
        boolean hasExtended = extendedStatistics != null && !extendedStatistics.isEmpty();
        if (!hasStatistics && !hasExtended) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception(
                    "Must specify either Statistics or ExtendedStatistics.");
        }
        if (hasStatistics && hasExtended) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("The parameters Statistics and"
                    + " ExtendedStatistics are mutually exclusive and you have specified both.");
        }
        List<Stat> stats = new ArrayList<>();
        if (hasStatistics) {
            if (statistics.size() > 5) {
                throw MetricService.invalid("The collection Statistics must not have a size greater than 5.");
            }
            for (String name : statistics) {
                Stat stat = Stat.parse(name);
                if (stat == null || stat.isPercentile()) {
                    throw MetricService.invalid("The value " + name + " for parameter Statistics is invalid.");
                }
                stats.add(stat);
            }
        } else {
            if (extendedStatistics.size() > 10) {
                throw MetricService.invalid("The collection ExtendedStatistics must not have a size greater than 10.");
            }
            for (String name : extendedStatistics) {
                Stat stat = Stat.parse(name);
                if (stat == null || !stat.isPercentile()) {
                    throw MetricService.invalid("The value " + name + " for parameter ExtendedStatistics is invalid.");
                }
                stats.add(stat);
            }
        }
        if (unit != null && !MetricUnits.known(unit)) {
            throw MetricService.invalid("The value " + unit + " for parameter Unit is invalid.");
        }
        int seconds = requirePeriod(period, "Period");
        if (start == null || end == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter " + (start == null ? "StartTime" : "EndTime")
                    + " is required.");
        }
        Instant aligned = queries.alignedStart(start, seconds);
        if (!aligned.isBefore(end)) {
            throw MetricService.invalid("The parameter StartTime must be less than the parameter EndTime.");
        }
        long requested = Math.ceilDiv(end.getEpochSecond() - aligned.getEpochSecond(), seconds);
        if (requested > MAX_DATAPOINTS) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception(String.format("You have requested up to %,d"
                    + " datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by"
                    + " increasing Period, or decreasing the time range.", requested));
        }
        MetricKey key = new MetricKey(context.account(), context.region(), namespace, metricName, filter);
        boolean percentiles = hasExtended;
        List<StatisticsDatapoint> datapoints = new ArrayList<>();
        for (Window window : queries.windows(key, unit, seconds, aligned, end, percentiles)) {
            Map<Stat.Standard, Double> standard = new LinkedHashMap<>();
            Map<String, Double> extended = new LinkedHashMap<>();
            for (Stat stat : stats) {
                Double value = stat.of(window.aggregate());
                if (value == null) {
                    continue;
                }
                if (stat.isPercentile()) {
                    extended.put(stat.name(), value);
                } else {
                    standard.put(stat.standard(), value);
                }
            }
            if (!standard.isEmpty() || !extended.isEmpty() || hasExtended) {
                datapoints.add(new StatisticsDatapoint(window.start(), window.unit(), standard, extended));
            }
        }
        return datapoints;
    }

    /** A period as CloudWatch takes it: 1, 5, 10, 20, 30, 60 or any multiple of 60 seconds. */
    static int requirePeriod(Integer period, String parameter) {
        if (period == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter " + parameter + " is required.");
        }
        if (period < 1 || (period % 60 != 0 && period != 1 && period != 5 && period != 10 && period != 20
                && period != 30)) {
            throw MetricService.invalid("The parameter " + parameter + " must be 1, 5, 10, 20, 30, 60, or a multiple of 60.");
        }
        return period;
    }
}
