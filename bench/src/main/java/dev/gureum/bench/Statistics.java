package dev.gureum.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a small sample, by the nearest-rank method (the value of an actual run). */
final class Statistics {
    private Statistics() {
    }

    static double median(List<Double> sample) {
        return percentile(sample, 50);
    }

    /** The smallest value at least {@code percent}% of the sample is less than or equal to. */
    static double percentile(List<Double> sample, int percent) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("an empty sample has no percentiles");
        }
        double[] sorted = sample.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
