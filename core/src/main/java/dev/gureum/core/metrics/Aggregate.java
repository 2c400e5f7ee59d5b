package dev.gureum.core.metrics;

/**
 * The statistics of the values in one bucket or period: SampleCount, Sum, Minimum, Maximum and, while every
 * value allows it, their distribution for percentiles. CloudWatch offers no percentiles once a negative value
 * is in, nor for statistic sets other than a single sample or equal minimum and maximum; such data makes
 * {@link #sketch()} null. Not thread-safe: a series guards its aggregates.
 */
public final class Aggregate {
    private double sampleCount;
    private double sum;
    private double minimum = Double.POSITIVE_INFINITY;
    private double maximum = Double.NEGATIVE_INFINITY;
    private ValueSketch sketch = new ValueSketch();

    public Aggregate() {
    }

    /** Rebuilds an aggregate from its parts (a snapshot); {@code sketch} null means no percentiles. */
    public static Aggregate of(double sampleCount, double sum, double minimum, double maximum, ValueSketch sketch) {
        Aggregate aggregate = new Aggregate();
        aggregate.sampleCount = sampleCount;
        aggregate.sum = sum;
        aggregate.minimum = minimum;
        aggregate.maximum = maximum;
        aggregate.sketch = sketch;
        return aggregate;
    }

    /** {@code count} occurrences of {@code value}. */
    public void add(double value, double count) {
        sampleCount += count;
        sum += value * count;
        minimum = Math.min(minimum, value);
        maximum = Math.max(maximum, value);
        if (sketch != null) {
            if (value < 0) {
                sketch = null;
            } else {
                sketch.add(value, count);
            }
        }
    }

    /** A statistic set: its values are known only through these four numbers. */
    public void addSet(double count, double setSum, double setMinimum, double setMaximum) {
        if (setMinimum == setMaximum && setMinimum >= 0) {
            add(setMinimum, count);
            sum += setSum - setMinimum * count;
            return;
        }
        sampleCount += count;
        sum += setSum;
        minimum = Math.min(minimum, setMinimum);
        maximum = Math.max(maximum, setMaximum);
        sketch = null;
    }

    public void merge(Aggregate other) {
        sampleCount += other.sampleCount;
        sum += other.sum;
        minimum = Math.min(minimum, other.minimum);
        maximum = Math.max(maximum, other.maximum);
        if (sketch != null) {
            if (other.sketch == null) {
                sketch = null;
            } else {
                sketch.merge(other.sketch);
            }
        }
    }

    public Aggregate copy() {
        return copy(true);
    }

    /** A copy, with the distribution only when {@code withSketch} (without it, it offers no percentiles). */
    public Aggregate copy(boolean withSketch) {
        return of(sampleCount, sum, minimum, maximum, withSketch && sketch != null ? sketch.copy() : null);
    }

    public double sampleCount() {
        return sampleCount;
    }

    public double sum() {
        return sum;
    }

    public double minimum() {
        return minimum;
    }

    public double maximum() {
        return maximum;
    }

    public double average() {
        return sum / sampleCount;
    }

    public ValueSketch sketch() {
        return sketch;
    }

    /** The percentile {@code p} (0 to 100), or null when this data has none. */
    public Double percentile(double p) {
        return sketch == null || sampleCount <= 0 ? null : sketch.quantile(p / 100, minimum, maximum);
    }
}
