package dev.gureum.core.metrics;

import java.util.Arrays;

/**
 * A time series as two parallel primitive arrays: period starts (epoch seconds, ascending, unique) and their
 * values. What queries and metric math pass around: 144,000 values of a day of 100 metrics cost two arrays
 * each rather than 144,000 boxed map entries. Immutable once built.
 */
public final class Points {
    public static final Points EMPTY = new Points(new long[0], new double[0], 0);

    private final long[] times;
    private final double[] values;
    private final int size;

    Points(long[] times, double[] values, int size) {
        this.times = times;
        this.values = values;
        this.size = size;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long time(int index) {
        return times[index];
    }

    public double value(int index) {
        return values[index];
    }

    /** The index of the point at {@code time}, or a negative number when there is none. */
    public int indexOf(long time) {
        return Arrays.binarySearch(times, 0, size, time);
    }

    /** The value at {@code time}, or null. */
    public Double valueAt(long time) {
        int index = indexOf(time);
        return index >= 0 ? values[index] : null;
    }

    /** The last value, or null when empty. */
    public Double lastValue() {
        return size == 0 ? null : values[size - 1];
    }

    /** Builds a series in time order; points must be appended with increasing times. */
    public static final class Builder {
        private long[] times;
        private double[] values;
        private int size;

        public Builder(int capacity) {
            times = new long[Math.max(4, capacity)];
            values = new double[times.length];
        }

        /** Appends a point; a value that is not finite is left out (metric math drops such results). */
        public Builder add(long time, double value) {
            if (!Double.isFinite(value)) {
                return this;
            }
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            times[size] = time;
            values[size] = value;
            size++;
            return this;
        }

        public Points build() {
            return size == 0 ? EMPTY : new Points(times, values, size);
        }
    }
}
