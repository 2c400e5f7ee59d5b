package dev.gureum.core.metrics;

import java.util.Arrays;

/**
 * The distribution of the values of one bucket, for percentiles: a mergeable histogram with logarithmic bins
 * (the DDSketch idea), each bin {@code (γ^(i-1), γ^i]} with {@code γ = (1+α)/(1-α)} and α = 1 %. A quantile
 * is answered with its bin's midpoint {@code 2γ^i/(γ+1)}, clamped to the bucket's minimum and maximum, so
 * any percentile is within 1 % (relative) of a value of the bucket's true nearest-rank percentile. Zero has
 * its own bin; negative values are never added (CloudWatch offers no percentiles for them). Bins are kept in
 * a sorted array: a bucket usually holds few distinct values.
 */
public final class ValueSketch {
    public static final double RELATIVE_ACCURACY = 0.01;
    private static final double GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    private int[] bins;
    private double[] counts;
    private int size;
    private double zeroCount;

    public ValueSketch() {
        this(new int[2], new double[2], 0, 0);
    }

    private ValueSketch(int[] bins, double[] counts, int size, double zeroCount) {
        this.bins = bins;
        this.counts = counts;
        this.size = size;
        this.zeroCount = zeroCount;
    }

    /** Rebuilds a sketch from {@link #bins()}, {@link #counts()} and {@link #zeroCount()}. */
    public static ValueSketch of(int[] bins, double[] counts, double zeroCount) {
        return new ValueSketch(bins.clone(), counts.clone(), bins.length, zeroCount);
    }

    /** Adds {@code count} occurrences of a value that is zero or more. */
    public void add(double value, double count) {
        if (value == 0) {
            zeroCount += count;
        } else {
            addToBin((int) Math.ceil(Math.log(value) / LOG_GAMMA), count);
        }
    }

    public void merge(ValueSketch other) {
        zeroCount += other.zeroCount;
        for (int i = 0; i < other.size; i++) {
            addToBin(other.bins[i], other.counts[i]);
        }
    }

    /**
     * The value at quantile {@code q} (0 to 1) by nearest rank over {@code total} samples, within the
     * bucket's {@code minimum} and {@code maximum}.
     */
    public double quantile(double q, double minimum, double maximum) {
        double total = zeroCount;
        for (int i = 0; i < size; i++) {
            total += counts[i];
        }
        if (q <= 0) {
            return minimum;
        }
        if (q >= 1) {
            return maximum;
        }
        double rank = Math.max(Math.ceil(q * total - 1e-9), Math.min(1, total));
        double seen = zeroCount;
        if (seen >= rank) {
            return clamp(0, minimum, maximum);
        }
        for (int i = 0; i < size; i++) {
            seen += counts[i];
            if (seen >= rank - 1e-9) {
                return clamp(2 * Math.pow(GAMMA, bins[i]) / (GAMMA + 1), minimum, maximum);
            }
        }
        return maximum;
    }

    public int[] bins() {
        return Arrays.copyOf(bins, size);
    }

    public double[] counts() {
        return Arrays.copyOf(counts, size);
    }

    public double zeroCount() {
        return zeroCount;
    }

    public ValueSketch copy() {
        return new ValueSketch(bins(), counts(), size, zeroCount);
    }

    private void addToBin(int bin, double count) {
        int at = Arrays.binarySearch(bins, 0, size, bin);
        if (at >= 0) {
            counts[at] += count;
            return;
        }
        int insert = -at - 1;
        if (size == bins.length) {
            bins = Arrays.copyOf(bins, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        System.arraycopy(bins, insert, bins, insert + 1, size - insert);
        System.arraycopy(counts, insert, counts, insert + 1, size - insert);
        bins[insert] = bin;
        counts[insert] = count;
        size++;
    }

    private static double clamp(double value, double minimum, double maximum) {
        return Math.max(minimum, Math.min(maximum, value));
    }
}
