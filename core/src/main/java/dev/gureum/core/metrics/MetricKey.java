package dev.gureum.core.metrics;

import java.util.List;

/**
 * Names one metric: its account, region, namespace, metric name and dimensions. Dimensions are held sorted
 * by name, so the same dimensions given in any order name the same metric, as in CloudWatch.
 */
public record MetricKey(String account, String region, String namespace, String metricName,
                        List<MetricDimension> dimensions) implements Comparable<MetricKey> {

    public MetricKey {
        dimensions = dimensions == null ? List.of() : dimensions.stream().sorted().toList();
    }

    /** Whether every dimension of the filter is on this metric (a null value matches any value). */
    public boolean hasDimensions(List<MetricDimension> filter) {
        for (MetricDimension wanted : filter) {
            boolean found = false;
            for (MetricDimension dimension : dimensions) {
                if (dimension.name().equals(wanted.name()) && (wanted.value() == null
                        || dimension.value().equals(wanted.value()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(MetricKey other) {
        int order = namespace.compareTo(other.namespace);
        if (order == 0) {
            order = metricName.compareTo(other.metricName);
        }
        for (int i = 0; order == 0 && i < Math.min(dimensions.size(), other.dimensions.size()); i++) {
            order = dimensions.get(i).compareTo(other.dimensions.get(i));
        }
        return order != 0 ? order : Integer.compare(dimensions.size(), other.dimensions.size());
    }

    /** A stable text form, for pagination tokens. */
    public String sortKey() {
        StringBuilder text = new StringBuilder(namespace).append('\u0000').append(metricName);
        dimensions.forEach(dimension -> text.append('\u0000').append(dimension.name()).append('=').append(dimension.value()));
        return text.toString();
    }
}
