package dev.gureum.core.alarm;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.CloudWatchError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PutMetricAlarm's and PutCompositeAlarm's input rules, with CloudWatch's codes: model constraints are
 * {@code ValidationError} in AWS's "1 validation error detected" form, members that cannot go together
 * {@code InvalidParameterCombination}, a member a form needs {@code MissingParameter}.
 */
final class AlarmValidation {
    static final Set<String> STATISTICS = Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,2}(\\.\\d{1,10})?|100(\\.0{1,10})?)");
    private static final Pattern QUERY_ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");
    static final int MAX_ACTIONS = 5;

    private AlarmValidation() {
    }

    /** The spec of a valid metric alarm request; the caller checks actions with {@link #actions}. */
    static MetricAlarmSpec metricSpec(MetricAlarmRequest request) {
        name(request.name());
        description(request.description());
        if (request.evaluationPeriods() == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter EvaluationPeriods is required.");
        }
        if (request.evaluationPeriods() < 1) {
            throw constraint(request.evaluationPeriods(), "evaluationPeriods", "Member must have value greater than or equal to 1");
        }
        if (request.comparisonOperator() == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter ComparisonOperator is required.");
        }
        ComparisonOperator operator = ComparisonOperator.fromWire(request.comparisonOperator());
        if (operator == null) {
            throw constraint(request.comparisonOperator(), "comparisonOperator", "Member must satisfy enum value set: "
                    + "[GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold,"
                    + " LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold]");
        }
        if (operator.needsBand() || request.thresholdMetricId() != null) {
            throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("Anomaly detection alarms are not supported by"
                    + " Gureum: it computes no anomaly detection band, so " + operator.wireName()
                    + " and ThresholdMetricId cannot be used.");
        }
        if (request.threshold() == null) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Threshold must be specified for a ComparisonOperator of "
                    + operator.wireName() + ".");
        }
        MissingData missing = null;
        if (request.treatMissingData() != null) {
            missing = MissingData.fromWire(request.treatMissingData());
            if (missing == null) {
                throw constraint(request.treatMissingData(), "treatMissingData",
                        "Member must satisfy enum value set: [breaching, notBreaching, ignore, missing]");
            }
        }
        if (request.datapointsToAlarm() != null && request.datapointsToAlarm() < 1) {
            throw constraint(request.datapointsToAlarm(), "datapointsToAlarm", "Member must have value greater than or equal to 1");
        }
        int period;
        MetricRef metric = null;
        if (!request.metrics().isEmpty()) {
            if (request.metricName() != null || request.namespace() != null || request.statistic() != null
                    || request.extendedStatistic() != null || !request.dimensions().isEmpty() || request.period() != null
                    || request.unit() != null) {
                throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception("The parameters MetricName, Namespace,"
                        + " Statistic, ExtendedStatistic, Dimensions, Period and Unit cannot be used with Metrics.");
            }
            period = queries(request.metrics());
        } else {
            if (request.metricName() == null) {
                throw CloudWatchError.MISSING_PARAMETER.exception("The parameter MetricName is required.");
            }
            if (request.namespace() == null) {
                throw CloudWatchError.MISSING_PARAMETER.exception("The parameter Namespace is required.");
            }
            length(request.metricName(), "metricName", 1, 255);
            length(request.namespace(), "namespace", 1, 255);
            if ((request.statistic() == null) == (request.extendedStatistic() == null)) {
                throw CloudWatchError.INVALID_PARAMETER_COMBINATION.exception(request.statistic() == null
                        ? "Exactly one of Statistic or ExtendedStatistic must be specified."
                        : "The parameters Statistic and ExtendedStatistic are mutually exclusive; specify one.");
            }
            if (request.statistic() != null && !STATISTICS.contains(request.statistic())) {
                throw constraint(request.statistic(), "statistic",
                        "Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
            }
            if (request.extendedStatistic() != null && !PERCENTILE.matcher(request.extendedStatistic()).matches()) {
                throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("The value " + request.extendedStatistic()
                        + " for parameter ExtendedStatistic is not supported.");
            }
            if (request.period() == null) {
                throw CloudWatchError.MISSING_PARAMETER.exception("The parameter Period is required.");
            }
            period = period(request.period(), "period");
            unit(request.unit(), "unit");
            dimensions(request.dimensions());
            metric = new MetricRef(request.namespace(), request.metricName(), request.dimensions(), request.unit());
        }
        long span = (long) period * request.evaluationPeriods();
        if (span > (period >= 3600 ? 7 * 86_400 : 86_400)) {
            throw CloudWatchError.VALIDATION_ERROR.exception(period >= 3600
                    ? "Metrics cannot be checked across more than 7 days (EvaluationPeriods * Period must be <= 604800)"
                    : "Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400)");
        }
        if (request.datapointsToAlarm() != null && request.datapointsToAlarm() > request.evaluationPeriods()) {
            throw CloudWatchError.VALIDATION_ERROR.exception("DatapointsToAlarm (" + request.datapointsToAlarm()
                    + ") must be less than or equal to EvaluationPeriods (" + request.evaluationPeriods() + ").");
        }
        String lowSampleCount = request.evaluateLowSampleCountPercentile();
        if (lowSampleCount != null && !lowSampleCount.isEmpty() && !lowSampleCount.equals("evaluate")
                && !lowSampleCount.equals("ignore")) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Option " + lowSampleCount + " is not supported. Supported"
                    + " options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.");
        }
        return new MetricAlarmSpec(metric, request.statistic(), request.extendedStatistic(), request.metrics(), period,
                request.evaluationPeriods(), request.datapointsToAlarm(), request.threshold(), operator, missing,
                lowSampleCount == null || lowSampleCount.isEmpty() ? null : lowSampleCount);
    }

    /** The metric-math queries' rules; answers the period of the returned series. */
    private static int queries(List<AlarmQuery> queries) {
        if (queries.size() > 10) {
            throw constraint(queries.size(), "metrics", "Member must have length less than or equal to 10");
        }
        Set<String> ids = new HashSet<>();
        AlarmQuery returned = null;
        int smallestMetricPeriod = Integer.MAX_VALUE;
        for (AlarmQuery query : queries) {
            if (query.id() == null || !QUERY_ID.matcher(query.id()).matches()) {
                throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: the Id " + query.id() + " must"
                        + " start with a lowercase letter and contain only letters, numbers and underscores.");
            }
            if (!ids.add(query.id())) {
                throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: the Id " + query.id()
                        + " is used more than once.");
            }
            if ((query.metric() == null) == (query.expression() == null)) {
                throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: the query " + query.id()
                        + " must have exactly one of MetricStat and Expression.");
            }
            if (query.metric() != null) {
                if (query.stat() == null || !(STATISTICS.contains(query.stat()) || PERCENTILE.matcher(query.stat()).matches())) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: the query " + query.id()
                            + " has an unsupported Stat " + query.stat() + ".");
                }
                if (query.metricPeriod() == null) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: the query " + query.id()
                            + " must have a Period.");
                }
                int metricPeriod = period(query.metricPeriod(), "metrics.member.metricStat.period");
                if (smallestMetricPeriod != Integer.MAX_VALUE && metricPeriod != smallestMetricPeriod) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: every metric of an alarm's"
                            + " math expression must use the same period.");
                }
                smallestMetricPeriod = metricPeriod;
                unit(query.metric().unit(), "metrics.member.metricStat.unit");
                dimensions(query.metric().dimensions());
            }
            if (query.returnsData()) {
                if (returned != null) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: exactly one element of the"
                            + " metrics list must return data.");
                }
                returned = query;
            }
        }
        if (returned == null) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Invalid metrics list: exactly one element of the metrics"
                    + " list must return data.");
        }
        if (returned.metric() != null) {
            return returned.metricPeriod();
        }
        return returned.period() != null ? period(returned.period(), "metrics.member.period")
                : smallestMetricPeriod == Integer.MAX_VALUE ? 60 : smallestMetricPeriod;
    }

    static int period(int period, String member) {
        if (period < 1) {
            throw constraint(period, member, "Member must have value greater than or equal to 1");
        }
        if (!(period == 10 || period == 20 || period == 30 || period % 60 == 0)) {
            throw CloudWatchError.VALIDATION_ERROR.exception("Period must be 10, 20, 30 or a multiple of 60.");
        }
        return period;
    }

    private static void unit(String unit, String member) {
        if (unit != null && !UNITS.contains(unit)) {
            throw constraint(unit, member, "Member must satisfy enum value set: " + UNITS.stream().sorted().toList());
        }
    }

    private static void dimensions(List<AlarmDimension> dimensions) {
        if (dimensions.size() > 30) {
            throw constraint(dimensions.size(), "dimensions", "Member must have length less than or equal to 30");
        }
        Set<String> names = new HashSet<>();
        for (AlarmDimension dimension : dimensions) {
            if (dimension.name() == null || dimension.value() == null) {
                throw CloudWatchError.MISSING_PARAMETER.exception("The parameter Dimensions.member.Name and"
                        + " Dimensions.member.Value are required.");
            }
            length(dimension.name(), "dimensions.member.name", 1, 255);
            length(dimension.value(), "dimensions.member.value", 1, 1024);
            if (!names.add(dimension.name())) {
                throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("No metric may have duplicate dimension names:"
                        + " " + dimension.name());
            }
        }
    }

    static void name(String name) {
        if (name == null) {
            throw CloudWatchError.MISSING_PARAMETER.exception("The parameter AlarmName is required.");
        }
        length(name, "alarmName", 1, 255);
    }

    static void description(String description) {
        if (description != null && description.length() > 1024) {
            throw constraint(description, "alarmDescription", "Member must have length less than or equal to 1024");
        }
    }

    /**
     * The actions of one state: at most five, each an ARN Gureum runs in the alarm's region; EC2 actions only
     * on metric alarms whose metric has an InstanceId dimension.
     */
    static void actions(List<String> arns, String member, String region, MetricAlarmSpec spec) {
        if (arns.size() > MAX_ACTIONS) {
            throw constraint(arns, member, "Member must have length less than or equal to " + MAX_ACTIONS);
        }
        for (String arn : arns) {
            length(arn, member + ".member", 1, 1024);
            AlarmAction action;
            try {
                action = AlarmAction.parse(arn, region);
            } catch (IllegalArgumentException otherRegion) {
                throw CloudWatchError.VALIDATION_ERROR.exception(otherRegion.getMessage());
            }
            if (action == null) {
                throw CloudWatchError.VALIDATION_ERROR.exception("Invalid or unsupported action " + arn + ": Gureum runs"
                        + " SNS topic actions (arn:aws:sns:...) and EC2 actions (arn:aws:automate:<region>:ec2:stop,"
                        + " terminate, reboot, recover).");
            }
            if (action.kind().isEc2()) {
                if (spec != null && spec.isMath()) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Alarms based on math expressions cannot perform"
                            + " Amazon EC2 actions: " + arn);
                }
                if (spec == null) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("Composite alarms can only notify SNS topics: " + arn);
                }
                if (instanceId(spec) == null) {
                    throw CloudWatchError.VALIDATION_ERROR.exception("The EC2 action " + arn + " requires the alarm's"
                            + " metric to have an InstanceId dimension.");
                }
            }
        }
    }

    /** The InstanceId dimension of a metric alarm, which EC2 actions act on. */
    static String instanceId(MetricAlarmSpec spec) {
        if (spec.metric() == null) {
            return null;
        }
        return spec.metric().dimensions().stream().filter(dimension -> dimension.name().equals("InstanceId"))
                .map(AlarmDimension::value).findFirst().orElse(null);
    }

    static void length(String value, String member, int minimum, int maximum) {
        if (value.length() < minimum) {
            throw constraint(value, member, "Member must have length greater than or equal to " + minimum);
        }
        if (value.length() > maximum) {
            throw constraint(value, member, "Member must have length less than or equal to " + maximum);
        }
    }

    static CloudException constraint(Object value, String member, String constraint) {
        return CloudWatchError.constraint(value, member, constraint);
    }
}
