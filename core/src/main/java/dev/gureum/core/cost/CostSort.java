package dev.gureum.core.cost;

/** A SortBy of GetDimensionValues and GetTags: by a metric summed over each value's usage, up or down. */
public record CostSort(CostMetric metric, boolean descending) {
}
