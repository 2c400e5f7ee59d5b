package dev.gureum.core.metrics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of journal entries (the same in the log and in snapshots): a type byte, the metric key,
 * then a put's unit, time, resolution and values (or statistic set), or a bucket's unit, tier, start, last
 * put, statistics and sketch. Binary rather than JSON because the log is written at ingest rate.
 */
public final class MetricEntryCodec {
    private static final byte PUT = 1;
    private static final byte BUCKET = 2;

    private MetricEntryCodec() {
    }

    public static void write(MetricPut put, DataOutput out) throws IOException {
        out.writeByte(PUT);
        writeKey(put.key(), out);
        out.writeUTF(put.unit());
        out.writeLong(put.epochMillis());
        out.writeByte(put.storageResolution());
        if (put.statisticSet() != null) {
            out.writeByte(1);
            MetricPut.StatisticSet set = put.statisticSet();
            out.writeDouble(set.sampleCount());
            out.writeDouble(set.sum());
            out.writeDouble(set.minimum());
            out.writeDouble(set.maximum());
        } else {
            out.writeByte(0);
            out.writeShort(put.values().length);
            for (int i = 0; i < put.values().length; i++) {
                out.writeDouble(put.values()[i]);
                out.writeDouble(put.counts()[i]);
            }
        }
    }

    public static void write(BucketEntry bucket, DataOutput out) throws IOException {
        out.writeByte(BUCKET);
        writeKey(bucket.key(), out);
        out.writeUTF(bucket.unit());
        out.writeByte(bucket.tier().ordinal());
        out.writeLong(bucket.start());
        out.writeLong(bucket.lastPut());
        Aggregate aggregate = bucket.aggregate();
        out.writeDouble(aggregate.sampleCount());
        out.writeDouble(aggregate.sum());
        out.writeDouble(aggregate.minimum());
        out.writeDouble(aggregate.maximum());
        ValueSketch sketch = aggregate.sketch();
        out.writeBoolean(sketch != null);
        if (sketch != null) {
            out.writeDouble(sketch.zeroCount());
            int[] bins = sketch.bins();
            double[] counts = sketch.counts();
            out.writeInt(bins.length);
            for (int i = 0; i < bins.length; i++) {
                out.writeInt(bins[i]);
                out.writeDouble(counts[i]);
            }
        }
    }

    /** Reads one entry and hands it to the sink. */
    public static void read(DataInput in, MetricJournal.Sink sink) throws IOException {
        byte type = in.readByte();
        MetricKey key = readKey(in);
        String unit = in.readUTF();
        if (type == PUT) {
            long millis = in.readLong();
            int resolution = in.readByte();
            if (in.readByte() == 1) {
                sink.put(new MetricPut(key, unit, millis, resolution, null, null, new MetricPut.StatisticSet(
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble())));
            } else {
                int size = in.readUnsignedShort();
                double[] values = new double[size];
                double[] counts = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = in.readDouble();
                    counts[i] = in.readDouble();
                }
                sink.put(new MetricPut(key, unit, millis, resolution, values, counts, null));
            }
        } else if (type == BUCKET) {
            Tier tier = Tier.values()[in.readByte()];
            long start = in.readLong();
            long lastPut = in.readLong();
            double sampleCount = in.readDouble();
            double sum = in.readDouble();
            double minimum = in.readDouble();
            double maximum = in.readDouble();
            ValueSketch sketch = null;
            if (in.readBoolean()) {
                double zero = in.readDouble();
                int size = in.readInt();
                int[] bins = new int[size];
                double[] counts = new double[size];
                for (int i = 0; i < size; i++) {
                    bins[i] = in.readInt();
                    counts[i] = in.readDouble();
                }
                sketch = ValueSketch.of(bins, counts, zero);
            }
            sink.bucket(new BucketEntry(key, unit, tier, start, Aggregate.of(sampleCount, sum, minimum, maximum, sketch),
                    lastPut));
        } else {
            throw new IOException("unknown metric journal entry type " + type);
        }
    }

    private static void writeKey(MetricKey key, DataOutput out) throws IOException {
        out.writeUTF(key.account());
        out.writeUTF(key.region());
        out.writeUTF(key.namespace());
        out.writeUTF(key.metricName());
        out.writeByte(key.dimensions().size());
        for (MetricDimension dimension : key.dimensions()) {
            out.writeUTF(dimension.name());
            out.writeUTF(dimension.value());
        }
    }

    private static MetricKey readKey(DataInput in) throws IOException {
        String account = in.readUTF();
        String region = in.readUTF();
        String namespace = in.readUTF();
        String name = in.readUTF();
        int size = in.readUnsignedByte();
        List<MetricDimension> dimensions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            dimensions.add(new MetricDimension(in.readUTF(), in.readUTF()));
        }
        return new MetricKey(account, region, namespace, name, dimensions);
    }
}
