package dev.gureum.core.metrics;

import dev.gureum.core.error.CloudWatchError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statistic a query asks for: one of CloudWatch's five (SampleCount, Average, Sum, Minimum, Maximum) or a
 * percentile {@code pNN} / {@code pNN.NN} (0 to 100). Other extended statistics (trimmed means, windsorized
 * means, percentile ranks) are not offered.
 */
public record Stat(String name, Standard standard, double percentile) {
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d{1,3}(?:\\.\\d{1,10})?)");

    /** CloudWatch's five standard statistics, by their wire names. */
    public enum Standard {
        SampleCount, Average, Sum, Minimum, Maximum
    }

    public static Stat standard(Standard standard) {
        return new Stat(standard.name(), standard, Double.NaN);
    }

    /** A standard statistic or percentile, or null when the name is neither. */
    public static Stat parse(String name) {
        if (name == null) {
            return null;
        }
        for (Standard standard : Standard.values()) {
            if (standard.name().equals(name)) {
                return standard(standard);
            }
        }
        Matcher matcher = PERCENTILE.matcher(name);
        if (matcher.matches()) {
            double value = Double.parseDouble(matcher.group(1));
            if (value <= 100) {
                return new Stat(name, null, value);
            }
        }
        return null;
    }

    /** As {@link #parse}, refusing what is not a statistic with InvalidParameterValue naming the parameter. */
    public static Stat require(String name, String parameter) {
        Stat stat = parse(name);
        if (stat == null) {
            throw CloudWatchError.INVALID_PARAMETER_VALUE.exception("The value " + name + " for parameter "
                    + parameter + " is invalid.");
        }
        return stat;
    }

    public boolean isPercentile() {
        return standard == null;
    }

    /** This statistic of an aggregate, or null when it has none (a percentile of data that allows none). */
    public Double of(Aggregate aggregate) {
        if (standard == null) {
            return aggregate.percentile(percentile);
        }
        return switch (standard) {
            case SampleCount -> aggregate.sampleCount();
            case Average -> aggregate.average();
            case Sum -> aggregate.sum();
            case Minimum -> aggregate.minimum();
            case Maximum -> aggregate.maximum();
        };
    }
}
