package dev.gureum.core.metrics;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudWatchError;
import dev.gureum.core.metrics.MathValue.Array;
import dev.gureum.core.metrics.MathValue.Scalar;
import dev.gureum.core.metrics.MathValue.Series;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * GetMetricData: up to 500 queries, each a MetricStat or a metric-math expression ({@link MathEvaluator}),
 * with ids that start with a lower-case letter and are unique; results for those with ReturnData, in request
 * order, newest first unless ScanBy is TimestampAscending. At most MaxDatapoints (default 100,800) values
 * are returned per call: a result cut short is PartialData and NextToken continues it. Expressions are
 * evaluated on the whole range every call, so pages stay consistent while data does not change.
 *
 * <p>{@link #evaluate} is the same evaluation without validation of paging, for the alarm evaluator.
 */
public final class MetricDataService {
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]{0,254}");
    private static final String TOKEN_PREFIX = "gureum-gmd:";

    /** A page of GetMetricData: its results and the token of the next page, or null. */
    public record Page(List<DataResult> results, String nextToken) {
    }

    /** One evaluated series of a query (an expression may give several). */
    public record Evaluated(String id, String label, Points points) {
    }

    /** Evaluations of calls answered with a NextToken, so later pages read the same values without recomputing. */
    private static final int KEPT_EVALUATIONS = 16;
    private final Map<String, List<Evaluated>> pending = new LinkedHashMap<>(KEPT_EVALUATIONS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Evaluated>> eldest) {
            return size() > KEPT_EVALUATIONS;
        }
    };

    private final MetricQueries queries;

    public MetricDataService(MetricQueries queries) {
        this.queries = queries;
    }

    public Page get(RequestContext context, List<DataQuery> dataQueries, Instant start, Instant end, String scanBy,
                    Integer maxDatapoints, String nextToken) {
        if (start == null || end == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter " + (start == null ? "StartTime" : "EndTime")
                    + " is required.");
        }
        if (!start.isBefore(end)) {
            throw validation("The parameter StartTime must be less than the parameter EndTime.");
        }
        boolean ascending;
        if (scanBy == null || scanBy.equals("TimestampDescending")) {
            ascending = false;
        } else if (scanBy.equals("TimestampAscending")) {
            ascending = true;
        } else {
            throw CloudWatchError.constraint(scanBy, "scanBy",
                    "Member must satisfy enum value set: [TimestampDescending, TimestampAscending]");
        }
        int limit = maxDatapoints == null ? DEFAULT_MAX_DATAPOINTS : maxDatapoints;
        if (limit < 1) {
            throw validation("The value " + limit + " for parameter MaxDatapoints is invalid.");
        }
        String request = context.account() + '\u0000' + context.region() + '\u0000' + dataQueries + start + end + scanBy;
        int fingerprint = request.hashCode();
        int skip = nextToken == null || nextToken.isEmpty() ? 0 : decode(nextToken, fingerprint);
        List<Evaluated> all;
        synchronized (pending) {
            all = skip > 0 ? pending.remove(request) : null;
        }
        if (all == null) {
            all = evaluate(context.account(), context.region(), dataQueries, start, end);
        }
        List<DataResult> results = new ArrayList<>();
        int offset = 0;
        int budget = limit;
        String next = null;
        for (Evaluated evaluated : all) {
            Points points = evaluated.points();
            int size = points.size();
            int from = Math.max(0, Math.min(size, skip - offset));
            offset += size;
            if (from == size && size > 0) {
                continue;
            }
            int take = Math.min(budget, size - from);
            List<Instant> timestamps = new ArrayList<>(take);
            List<Double> values = new ArrayList<>(take);
            for (int k = from; k < from + take; k++) {
                int index = ascending ? k : size - 1 - k;
                timestamps.add(Instant.ofEpochSecond(points.time(index)));
                values.add(points.value(index));
            }
            budget -= take;
            boolean complete = from + take == size;
            if (!complete && next == null) {
                next = encode(offset - size + from + take, fingerprint);
            }
            results.add(new DataResult(evaluated.id(), evaluated.label(), timestamps, values,
                    complete ? "Complete" : "PartialData", List.of()));
        }
        if (next != null) {
            synchronized (pending) {
                pending.put(request, all);
            }
        }
        return new Page(results, next);
    }

    /**
     * Validates and evaluates the queries over [start, end): the series of each query that returns data, in
     * request order (an expression giving an array gives several, each with its member's label).
     */
    public List<Evaluated> evaluate(String account, String region, List<DataQuery> dataQueries, Instant start,
                                    Instant end) {
        if (dataQueries == null || dataQueries.isEmpty()) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter MetricDataQueries is required.");
        }
        if (dataQueries.size() > MAX_QUERIES) {
            throw validation("The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
        }
        Map<String, DataQuery> byId = new LinkedHashMap<>();
        for (int i = 0; i < dataQueries.size(); i++) {
            DataQuery query = dataQueries.get(i);
            String at = "MetricDataQueries.member." + (i + 1);
            if (query.id() == null || !ID.matcher(query.id()).matches()) {
                throw validation("The value " + query.id() + " for parameter " + at + ".Id is invalid: it must start"
                        + " with a lowercase letter and hold only letters, numbers and underscores.");
            }
            if (byId.put(query.id(), query) != null) {
                throw validation("The values of MetricDataQueries.member.N.Id must be unique: " + query.id()
                        + " is used more than once.");
            }
            if ((query.metricStat() == null) == (query.expression() == null)) {
                throw validation("Exactly one of " + at + ".MetricStat and " + at + ".Expression must be specified.");
            }
            if (query.metricStat() != null) {
                DataQuery.MetricStatSpec stat = query.metricStat();
                MetricService.requireNamespace(stat.namespace());
                if (stat.metricName() == null || stat.metricName().isEmpty()) {
                    throw validation("The parameter " + at + ".MetricStat.Metric.MetricName is required.");
                }
                MetricService.dimensions(stat.dimensions(), at + ".MetricStat.Metric.Dimensions", true);
                MetricStatistics.requirePeriod(stat.period(), at + ".MetricStat.Period");
                Stat.require(stat.stat(), at + ".MetricStat.Stat");
                if (stat.unit() != null && !MetricUnits.known(stat.unit())) {
                    throw validation("The value " + stat.unit() + " for parameter " + at + ".MetricStat.Unit is invalid.");
                }
            } else if (query.expression().isBlank() || query.expression().length() > 2048) {
                throw validation("The parameter " + at + ".Expression must be between 1 and 2048 characters long.");
            }
        }
        Evaluation evaluation = new Evaluation(account, region, byId, start, end);
        List<Evaluated> results = new ArrayList<>();
        for (DataQuery query : byId.values()) {
            if (!query.returnsData()) {
                continue;
            }
            MathValue value = evaluation.value(query.id());
            String label = query.label();
            switch (value) {
                case Series series -> results.add(new Evaluated(query.id(), label != null ? label
                        : series.label() != null && query.metricStat() != null ? series.label() : query.id(), series.points()));
                case Array array -> array.series().forEach(series -> results.add(new Evaluated(query.id(),
                        label != null ? label : series.label() != null ? series.label() : query.id(), series.points())));
                case Scalar scalar -> results.add(new Evaluated(query.id(), label != null ? label : query.id(),
                        evaluation.constant(scalar.value())));
                case MathValue.Text text -> throw validation("Error in expression " + query.id()
                        + ": a string is not a time series.");
            }
        }
        return results;
    }

    /** The values of one request's queries, each computed once; expressions may refer to each other, not in a cycle. */
    private final class Evaluation {
        private final String account;
        private final String region;
        private final Map<String, DataQuery> byId;
        private final Instant start;
        private final Instant end;
        private final Map<String, MathValue> values = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();
        private final List<Map.Entry<String, Series>> metrics = new ArrayList<>();
        private int smallestPeriod = Integer.MAX_VALUE;

        Evaluation(String account, String region, Map<String, DataQuery> byId, Instant start, Instant end) {
            this.account = account;
            this.region = region;
            this.byId = byId;
            this.start = start;
            this.end = end;
            byId.values().stream().filter(query -> query.metricStat() != null)
                    .forEach(query -> metrics.add(Map.entry(query.id(), (Series) value(query.id()))));
        }

        MathValue value(String id) {
            MathValue known = values.get(id);
            if (known != null) {
                return known;
            }
            DataQuery query = byId.get(id);
            if (query == null) {
                throw new MathEvaluator.EvaluationException("Unknown metric or expression id " + id + ".");
            }
            if (!inProgress.add(id)) {
                throw validation("The expressions refer to each other in a cycle through " + id + ".");
            }
            MathValue value = query.metricStat() != null ? metric(query) : expression(query);
            inProgress.remove(id);
            values.put(id, value);
            return value;
        }

        private Series metric(DataQuery query) {
            DataQuery.MetricStatSpec spec = query.metricStat();
            int period = spec.period();
            smallestPeriod = Math.min(smallestPeriod, period);
            MetricKey key = new MetricKey(account, region, spec.namespace(), spec.metricName(), spec.dimensions());
            Stat stat = Stat.parse(spec.stat());
            return new Series(spec.metricName(), queries.points(key, stat, period, queries.alignedStart(start, period), end,
                    spec.unit()), period);
        }

        private MathValue expression(DataQuery query) {
            try {
                MathEvaluator evaluator = new MathEvaluator(this::value, metrics, queries.alignedStart(start,
                        query.period() == null ? 60 : query.period()).getEpochSecond(), end.getEpochSecond());
                return evaluator.evaluate(MathParser.parse(query.expression()));
            } catch (MathParser.SyntaxException | MathEvaluator.EvaluationException e) {
                throw validation("Error in expression " + query.id() + ": " + e.getMessage());
            }
        }

        /** A scalar result as a series: its value at every period of the request (the smallest metric period). */
        Points constant(double value) {
            int period = smallestPeriod == Integer.MAX_VALUE ? 60 : smallestPeriod;
            Points.Builder points = new Points.Builder(1024);
            for (long time = queries.alignedStart(start, period).getEpochSecond(); time < end.getEpochSecond();
                 time += period) {
                points.add(time, value);
            }
            return points.build();
        }
    }

    private static String encode(int offset, int fingerprint) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((TOKEN_PREFIX + offset + ":" + fingerprint)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token, int fingerprint) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(TOKEN_PREFIX)) {
                String[] parts = text.substring(TOKEN_PREFIX.length()).split(":");
                if (parts.length == 2 && Integer.parseInt(parts[1]) == fingerprint) {
                    return Integer.parseInt(parts[0]);
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours
        }
        throw CloudWatchError.INVALID_NEXT_TOKEN.exception("The service couldn't process the NextToken.");
    }

    private static RuntimeException validation(String message) {
        return CloudWatchError.VALIDATION_ERROR.exception(message);
    }
}
