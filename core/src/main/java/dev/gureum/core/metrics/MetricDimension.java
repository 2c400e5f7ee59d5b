package dev.gureum.core.metrics;

/** One dimension of a metric: a name and a value, as CloudWatch's {@code Dimension}. */
public record MetricDimension(String name, String value) implements Comparable<MetricDimension> {
    @Override
    public int compareTo(MetricDimension other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : value.compareTo(other.value);
    }
}
