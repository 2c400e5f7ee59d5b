package dev.gureum.core.metrics;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * PutMetricData's rules: the namespace (not {@code AWS/}, which only the cloud itself publishes to), at most
 * 1,000 data, 30 dimensions each, Value or Values/Counts (at most 150) or StatisticValues, finite values within
 * ±2^360, a timestamp no more than two weeks old nor two hours ahead, StorageResolution 1 or 60, a standard
 * unit. Accepted data is stored durably before the call answers.
 */
public final class MetricService {
    static final int MAX_DATA = 1000;
    static final int MAX_DIMENSIONS = 30;
    static final int MAX_VALUES = 150;
    static final Duration MAX_AGE = Duration.ofDays(14);
    static final Duration MAX_AHEAD = Duration.ofHours(2);
    private static final double LIMIT = Math.pow(2, 360);

    private final MetricStorage storage;

    public MetricService(MetricStorage storage) {
        this.storage = storage;
    }

    public MetricStorage storage() {
        return storage;
    }

    /** PutMetricData. */
    public void put(RequestContext context, String namespace, List<Datum> data) {
        requireNamespace(namespace);
        if (namespace.startsWith("AWS/")) {
            throw invalid("The value AWS/ for parameter Namespace is invalid.");
        }
        if (data.isEmpty()) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter MetricData is required.");
        }
        if (data.size() > MAX_DATA) {
            throw invalid("The collection MetricData must not have a size greater than " + MAX_DATA + ".");
        }
        List<MetricPut> puts = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            puts.add(accept(context, namespace, data.get(i), "MetricData.member." + (i + 1)));
        }
        storage.put(puts);
    }

    /** The cloud's own data ({@code AWS/EC2}, {@code AWS/EBS}): trusted, stored as given. */
    public void publish(List<MetricPut> puts) {
        if (!puts.isEmpty()) {
            storage.put(puts);
        }
    }

    static void requireNamespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter Namespace is required.");
        }
        if (namespace.length() > 255 || namespace.startsWith(":") || !printable(namespace)) {
            throw invalid("The value " + namespace + " for parameter Namespace is invalid.");
        }
    }

    /** Dimensions as a request names them: at most 30, names and values present and within their lengths. */
    static List<MetricDimension> dimensions(List<MetricDimension> dimensions, String parameter, boolean valuesRequired) {
        if (dimensions == null) {
            return List.of();
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw invalid("The collection " + parameter + " must not have a size greater than " + MAX_DIMENSIONS + ".");
        }
        for (int i = 0; i < dimensions.size(); i++) {
            MetricDimension dimension = dimensions.get(i);
            String at = parameter + ".member." + (i + 1);
            if (dimension.name() == null || dimension.name().isEmpty() || dimension.name().length() > 255) {
                throw invalid("The parameter " + at + ".Name must be a value between 1 and 255 characters long.");
            }
            if (dimension.value() == null ? valuesRequired
                    : dimension.value().isEmpty() || dimension.value().length() > 1024) {
                throw invalid("The parameter " + at + ".Value must be a value between 1 and 1024 characters long.");
            }
        }
        for (int i = 0; i < dimensions.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (dimensions.get(i).name().equals(dimensions.get(j).name())) {
                    throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("No Metric may specify the same"
                            + " dimension name twice: " + dimensions.get(i).name());
                }
            }
        }
        return dimensions;
    }

    private MetricPut accept(RequestContext context, String namespace, Datum datum, String at) {
        if (datum.metricName() == null || datum.metricName().isEmpty() || datum.metricName().length() > 255) {
            throw invalid("The parameter " + at + ".MetricName must be a value between 1 and 255 characters long.");
        }
        List<MetricDimension> dimensions = dimensions(datum.dimensions(), at + ".Dimensions", true);
        String unit = datum.unit() == null ? MetricUnits.NONE : datum.unit();
        if (!MetricUnits.known(unit)) {
            throw invalid("The value " + unit + " for parameter " + at + ".Unit is invalid.");
        }
        int resolution = datum.storageResolution() == null ? 60 : datum.storageResolution();
        if (resolution != 1 && resolution != 60) {
            throw invalid("The value " + resolution + " for parameter " + at + ".StorageResolution is invalid.");
        }
        Instant now = context.now();
        Instant timestamp = datum.timestamp() == null ? now : datum.timestamp();
        if (timestamp.isBefore(now.minus(MAX_AGE))) {
            throw invalid("The parameter " + at + ".Timestamp must specify a time no more than two weeks in the past.");
        }
        if (timestamp.isAfter(now.plus(MAX_AHEAD))) {
            throw invalid("The parameter " + at + ".Timestamp must specify a time no more than two hours in the future.");
        }
        MetricKey key = new MetricKey(context.account(), context.region(), namespace, datum.metricName(), dimensions);
        boolean hasValues = datum.values() != null && !datum.values().isEmpty();
        boolean hasCounts = datum.counts() != null && !datum.counts().isEmpty();
        int given = (datum.value() != null ? 1 : 0) + (hasValues ? 1 : 0) + (datum.statisticValues() != null ? 1 : 0);
        if (given > 1) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("The parameters " + at + ".Value, " + at
                    + ".Values and " + at + ".StatisticValues are mutually exclusive and you have specified more than one.");
        }
        if (hasCounts && !hasValues) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("The parameter " + at
                    + ".Counts may only be specified with " + at + ".Values.");
        }
        long millis = timestamp.toEpochMilli();
        if (datum.statisticValues() != null) {
            MetricPut.StatisticSet set = datum.statisticValues();
            requireValue(set.sampleCount(), at + ".StatisticValues.SampleCount");
            requireValue(set.sum(), at + ".StatisticValues.Sum");
            requireValue(set.minimum(), at + ".StatisticValues.Minimum");
            requireValue(set.maximum(), at + ".StatisticValues.Maximum");
            if (set.sampleCount() <= 0 || set.minimum() > set.maximum()) {
                throw invalid("The parameter " + at + ".StatisticValues must have a SampleCount greater than zero"
                        + " and a Minimum no greater than its Maximum.");
            }
            return new MetricPut(key, unit, millis, resolution, null, null, set);
        }
        if (hasValues) {
            if (datum.values().size() > MAX_VALUES) {
                throw invalid("The collection " + at + ".Values must not have a size greater than " + MAX_VALUES + ".");
            }
            if (hasCounts && datum.counts().size() != datum.values().size()) {
                throw invalid("The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
            }
            double[] values = new double[datum.values().size()];
            double[] counts = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = requireValue(datum.values().get(i), at + ".Values.member." + (i + 1));
                counts[i] = hasCounts ? requireValue(datum.counts().get(i), at + ".Counts.member." + (i + 1)) : 1;
                if (counts[i] < 0) {
                    throw invalid("The value " + counts[i] + " for parameter " + at + ".Counts.member." + (i + 1)
                            + " is invalid.");
                }
            }
            return new MetricPut(key, unit, millis, resolution, values, counts, null);
        }
        if (datum.value() == null) {
            throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("At least one of the parameters " + at
                    + ".Value, " + at + ".Values or " + at + ".StatisticValues must be specified.");
        }
        return MetricPut.single(key, unit, millis, resolution, requireValue(datum.value(), at + ".Value"));
    }

    private static double requireValue(Double value, String parameter) {
        if (value == null || value.isNaN() || value.isInfinite() || Math.abs(value) > LIMIT
                || (value != 0 && Math.abs(value) < 1 / LIMIT)) {
            throw invalid("The value " + value + " for parameter " + parameter + " is invalid.");
        }
        return value;
    }

    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
    }

    static RuntimeException invalid(String message) {
        return CloudWatchError.INVALID_PARAMETER_VALUE.exception(message);
    }
}
