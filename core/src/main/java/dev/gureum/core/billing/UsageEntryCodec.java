package dev.gureum.core.billing;

import dev.gureum.core.store.LedgerKind;
import dev.gureum.core.store.Utf8Names;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The usage ledger's bytes: a tag byte, then the entry's fields in declaration order. Strings are a varint of
 * their UTF-8 length plus one (0 for null) and their UTF-8 bytes; an enum is its constant's name; numbers are
 * unsigned LEB128 varints of their 64 bits; an instant is its epoch second and nanosecond, each a varint. About
 * 100 bytes an instance's period, and no text to format: a ledger grows with every stop and start, and an entry
 * is encoded on the transition's own path.
 *
 * <p>A new layout gets new tags, and the tags written are read forever: entries written before these tags (1
 * and 2, until 2026-11-30) hold the same fields as {@code DataOutput} writes them (fixed-width numbers, modified
 * UTF-8 with a presence byte for a zone).
 */
final class UsageEntryCodec implements LedgerKind.Codec<UsageEntry> {
    private static final byte DATA_OUTPUT_PERIOD = 1;
    private static final byte DATA_OUTPUT_WAIVER = 2;
    private static final byte PERIOD = 3;
    private static final byte WAIVER = 4;

    @Override
    public byte[] encode(UsageEntry entry) {
        return switch (entry) {
            case UsagePeriod period -> {
                byte[] resource = utf8(period.resourceId());
                byte[] usageType = name(period.usageType());
                byte[] pricedAs = name(period.pricedAs().name());
                byte[] sku = name(period.sku());
                byte[] purchaseOption = name(period.purchaseOption());
                byte[] zone = name(period.availabilityZone());
                ByteWriter out = new ByteWriter(1 + size(resource) + size(usageType) + size(pricedAs) + size(sku)
                        + size(purchaseOption) + size(zone) + ByteWriter.varintSize(period.quantity())
                        + size(period.start()) + size(period.end()) + ByteWriter.varintSize(period.minimumSeconds()));
                yield out.tag(PERIOD).string(resource).string(usageType).string(pricedAs).string(sku)
                        .string(purchaseOption).string(zone).varint(period.quantity()).instant(period.start())
                        .instant(period.end()).varint(period.minimumSeconds()).bytes();
            }
            case UsageWaiver waiver -> {
                byte[] resource = utf8(waiver.resourceId());
                byte[] usageType = name(waiver.usageType());
                yield new ByteWriter(1 + size(resource) + size(usageType) + size(waiver.since())).tag(WAIVER)
                        .string(resource).string(usageType).instant(waiver.since()).bytes();
            }
        };
    }

    @Override
    public UsageEntry decode(byte[] bytes) {
        return switch (bytes[0]) {
            case PERIOD -> {
                ByteReader in = new ByteReader(bytes);
                yield new UsagePeriod(in.string(), in.string(), UsagePeriod.PricedAs.valueOf(in.string()), in.string(),
                        in.string(), in.string(), in.varint(), in.instant(), in.instant(), in.varint());
            }
            case WAIVER -> {
                ByteReader in = new ByteReader(bytes);
                yield new UsageWaiver(in.string(), in.string(), in.instant());
            }
            case DATA_OUTPUT_PERIOD, DATA_OUTPUT_WAIVER -> decodeDataOutput(bytes);
            default -> throw new IllegalArgumentException("unknown usage ledger entry " + bytes[0]);
        };
    }

    /** UTF-8, which for ASCII is one copy of the string's bytes; null stays null. */
    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The UTF-8 of a name entries repeat (a usage type, a sku, a zone), encoded once; null stays null. */
    private static byte[] name(String text) {
        return text == null ? null : Utf8Names.of(text);
    }

    private static int size(byte[] string) {
        return string == null ? 1 : ByteWriter.varintSize(string.length + 1L) + string.length;
    }

    private static int size(Instant instant) {
        return ByteWriter.varintSize(instant.getEpochSecond()) + ByteWriter.varintSize(instant.getNano());
    }

    /** Writes into one array of the size known up front: a stream's buffers and locks cost more than the bytes. */
    private static final class ByteWriter {
        private final byte[] buffer;
        private int at;

        ByteWriter(int size) {
            buffer = new byte[size];
        }

        static int varintSize(long value) {
            return value == 0 ? 1 : (64 - Long.numberOfLeadingZeros(value) + 6) / 7;
        }

        ByteWriter tag(byte tag) {
            buffer[at++] = tag;
            return this;
        }

        ByteWriter string(byte[] utf8) {
            if (utf8 == null) {
                return varint(0);
            }
            varint(utf8.length + 1L);
            System.arraycopy(utf8, 0, buffer, at, utf8.length);
            at += utf8.length;
            return this;
        }

        ByteWriter varint(long value) {
            long rest = value;
            while ((rest & ~0x7fL) != 0) {
                buffer[at++] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            buffer[at++] = (byte) rest;
            return this;
        }

        ByteWriter instant(Instant instant) {
            return varint(instant.getEpochSecond()).varint(instant.getNano());
        }

        byte[] bytes() {
            if (at != buffer.length) {
                throw new IllegalStateException("a usage ledger entry took " + at + " of " + buffer.length + " bytes");
            }
            return buffer;
        }
    }

    /** Reads what {@link ByteWriter} wrote, after the tag. */
    private static final class ByteReader {
        private final byte[] bytes;
        private int at = 1;

        ByteReader(byte[] bytes) {
            this.bytes = bytes;
        }

        String string() {
            long length = varint();
            if (length == 0) {
                return null;
            }
            String text = new String(bytes, at, Math.toIntExact(length - 1), StandardCharsets.UTF_8);
            at += (int) (length - 1);
            return text;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = bytes[at++];
                value |= (long) (next & 0x7f) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("a usage ledger varint runs past 64 bits");
        }

        Instant instant() {
            return Instant.ofEpochSecond(varint(), varint());
        }
    }

    /** An entry of the first layout (tags 1 and 2), as {@code DataOutput} wrote it. */
    private static UsageEntry decodeDataOutput(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return in.readByte() == DATA_OUTPUT_PERIOD
                    ? new UsagePeriod(in.readUTF(), in.readUTF(), UsagePeriod.PricedAs.valueOf(in.readUTF()),
                            in.readUTF(), in.readUTF(), in.readBoolean() ? in.readUTF() : null, in.readLong(),
                            readInstant(in), readInstant(in), in.readLong())
                    : new UsageWaiver(in.readUTF(), in.readUTF(), readInstant(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
