package dev.gureum.core.alarm;

/**
 * How a datapoint is compared with an alarm's threshold, with the words CloudWatch's state reasons use
 * ("was greater than the threshold"). The three band operators compare with an anomaly detection band,
 * which Gureum does not compute: {@link #needsBand()} alarms are refused at PutMetricAlarm.
 */
public enum ComparisonOperator {
    GREATER_THAN_OR_EQUAL_TO_THRESHOLD("GreaterThanOrEqualToThreshold", "greater than or equal to"),
    GREATER_THAN_THRESHOLD("GreaterThanThreshold", "greater than"),
    LESS_THAN_THRESHOLD("LessThanThreshold", "less than"),
    LESS_THAN_OR_EQUAL_TO_THRESHOLD("LessThanOrEqualToThreshold", "less than or equal to"),
    LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD("LessThanLowerOrGreaterThanUpperThreshold",
            "less than the lower thresholds or greater than the upper thresholds"),
    LESS_THAN_LOWER_THRESHOLD("LessThanLowerThreshold", "less than the lower thresholds"),
    GREATER_THAN_UPPER_THRESHOLD("GreaterThanUpperThreshold", "greater than the upper thresholds");

    private final String wireName;
    private final String words;

    ComparisonOperator(String wireName, String words) {
        this.wireName = wireName;
        this.words = words;
    }

    public String wireName() {
        return wireName;
    }

    /** The comparison in a state reason: "greater than", "less than or equal to". */
    public String words() {
        return words;
    }

    public boolean needsBand() {
        return switch (this) {
            case LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD, LESS_THAN_LOWER_THRESHOLD,
                 GREATER_THAN_UPPER_THRESHOLD -> true;
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD, GREATER_THAN_THRESHOLD, LESS_THAN_THRESHOLD,
                 LESS_THAN_OR_EQUAL_TO_THRESHOLD -> false;
        };
    }

    /** True when the value breaches the threshold. */
    public boolean breaches(double value, double threshold) {
        return switch (this) {
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> value >= threshold;
            case GREATER_THAN_THRESHOLD -> value > threshold;
            case LESS_THAN_THRESHOLD -> value < threshold;
            case LESS_THAN_OR_EQUAL_TO_THRESHOLD -> value <= threshold;
            case LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD, LESS_THAN_LOWER_THRESHOLD,
                 GREATER_THAN_UPPER_THRESHOLD -> throw new IllegalStateException(this + " needs a band");
        };
    }

    public static ComparisonOperator fromWire(String value) {
        for (ComparisonOperator operator : values()) {
            if (operator.wireName.equals(value)) {
                return operator;
            }
        }
        return null;
    }
}
