package dev.gureum.core.billing;

import dev.gureum.core.store.LedgerKind;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The usage ledger's bytes. The entries a batch appends (a StopInstances of a hundred instances closes a hundred
 * periods alike but for the resource and the instants) are one block: a tag byte, the number of entries, then
 * each entry's type byte and fields. A period writes only the fields that differ from the period before it in
 * the block, after a varint mask naming them, and its instants as the difference from the period before's; a
 * waiver writes all its fields. Strings are a varint of their UTF-8 length plus one (0 for null) and their
 * bytes, an enum its constant's name, numbers unsigned LEB128 varints of their 64 bits, differences zigzag
 * varints. A period of a stop takes about 30 bytes, where standing alone it took about 130: a ledger grows with
 * every stop and start, and is encoded on the transition's own path.
 *
 * <p>The tags written are read forever: tags 1 and 2 (until 2026-11-30) are a single period or waiver, its
 * fields as {@code DataOutput} writes them (fixed-width numbers, modified UTF-8, a presence byte for a zone).
 */
final class UsageEntryCodec implements LedgerKind.Codec<UsageEntry> {
    private static final byte DATA_OUTPUT_PERIOD = 1;
    private static final byte DATA_OUTPUT_WAIVER = 2;
    private static final byte BLOCK = 3;
    private static final byte PERIOD = 1;
    private static final byte WAIVER = 2;

    private static final int RESOURCE = 1;
    private static final int USAGE_TYPE = 1 << 1;
    private static final int PRICED_AS = 1 << 2;
    private static final int SKU = 1 << 3;
    private static final int PURCHASE_OPTION = 1 << 4;
    private static final int ZONE = 1 << 5;
    private static final int QUANTITY = 1 << 6;
    private static final int START = 1 << 7;
    private static final int END = 1 << 8;
    private static final int MINIMUM = 1 << 9;
    /** The period a block's first period is written against: it shares nothing with it. */
    private static final UsagePeriod NOTHING = new UsagePeriod(null, null, null, null, null, null, 0, Instant.EPOCH,
            Instant.EPOCH, 0);

    @Override
    public byte[] encode(List<UsageEntry> entries) {
        ByteWriter out = new ByteWriter(16 + 40 * entries.size());
        out.tag(BLOCK).varint(entries.size());
        UsagePeriod before = NOTHING;
        for (UsageEntry entry : entries) {
            switch (entry) {
                case UsagePeriod period -> {
                    if (period.start() == null || period.end() == null) {
                        throw new IllegalArgumentException("a usage ledger holds closed periods only");
                    }
                    int changed = changed(before, period);
                    out.tag(PERIOD).varint(changed);
                    if ((changed & RESOURCE) != 0) {
                        out.string(period.resourceId());
                    }
                    if ((changed & USAGE_TYPE) != 0) {
                        out.string(period.usageType());
                    }
                    if ((changed & PRICED_AS) != 0) {
                        out.string(period.pricedAs().name());
                    }
                    if ((changed & SKU) != 0) {
                        out.string(period.sku());
                    }
                    if ((changed & PURCHASE_OPTION) != 0) {
                        out.string(period.purchaseOption());
                    }
                    if ((changed & ZONE) != 0) {
                        out.string(period.availabilityZone());
                    }
                    if ((changed & QUANTITY) != 0) {
                        out.varint(period.quantity());
                    }
                    if ((changed & START) != 0) {
                        out.difference(before.start(), period.start());
                    }
                    if ((changed & END) != 0) {
                        out.difference(before.end(), period.end());
                    }
                    if ((changed & MINIMUM) != 0) {
                        out.varint(period.minimumSeconds());
                    }
                    before = period;
                }
                case UsageWaiver waiver -> out.tag(WAIVER).string(waiver.resourceId())
                        .string(waiver.usageType()).difference(Instant.EPOCH, waiver.since());
            }
        }
        return out.bytes();
    }

    /** The fields of {@code period} that differ from {@code before}'s, as a mask. */
    private static int changed(UsagePeriod before, UsagePeriod period) {
        int changed = 0;
        changed |= Objects.equals(before.resourceId(), period.resourceId()) ? 0 : RESOURCE;
        changed |= Objects.equals(before.usageType(), period.usageType()) ? 0 : USAGE_TYPE;
        changed |= before.pricedAs() == period.pricedAs() ? 0 : PRICED_AS;
        changed |= Objects.equals(before.sku(), period.sku()) ? 0 : SKU;
        changed |= Objects.equals(before.purchaseOption(), period.purchaseOption()) ? 0 : PURCHASE_OPTION;
        changed |= Objects.equals(before.availabilityZone(), period.availabilityZone()) ? 0 : ZONE;
        changed |= before.quantity() == period.quantity() ? 0 : QUANTITY;
        changed |= before.start().equals(period.start()) ? 0 : START;
        changed |= before.end().equals(period.end()) ? 0 : END;
        changed |= before.minimumSeconds() == period.minimumSeconds() ? 0 : MINIMUM;
        return changed;
    }

    @Override
    public List<UsageEntry> decode(byte[] bytes) {
        return switch (bytes[0]) {
            case BLOCK -> decodeBlock(new ByteReader(bytes));
            case DATA_OUTPUT_PERIOD, DATA_OUTPUT_WAIVER -> List.of(decodeDataOutput(bytes));
            default -> throw new IllegalArgumentException("unknown usage ledger entry " + bytes[0]);
        };
    }

    private static List<UsageEntry> decodeBlock(ByteReader in) {
        int count = Math.toIntExact(in.varint());
        UsageEntry[] entries = new UsageEntry[count];
        UsagePeriod before = NOTHING;
        for (int i = 0; i < count; i++) {
            byte type = in.tag();
            if (type == WAIVER) {
                entries[i] = new UsageWaiver(in.string(), in.string(), in.instantAfter(Instant.EPOCH));
                continue;
            }
            if (type != PERIOD) {
                throw new IllegalArgumentException("unknown usage ledger entry type " + type);
            }
            int changed = Math.toIntExact(in.varint());
            UsagePeriod period = new UsagePeriod(
                    (changed & RESOURCE) != 0 ? in.string() : before.resourceId(),
                    (changed & USAGE_TYPE) != 0 ? in.string() : before.usageType(),
                    (changed & PRICED_AS) != 0 ? UsagePeriod.PricedAs.valueOf(in.string()) : before.pricedAs(),
                    (changed & SKU) != 0 ? in.string() : before.sku(),
                    (changed & PURCHASE_OPTION) != 0 ? in.string() : before.purchaseOption(),
                    (changed & ZONE) != 0 ? in.string() : before.availabilityZone(),
                    (changed & QUANTITY) != 0 ? in.varint() : before.quantity(),
                    (changed & START) != 0 ? in.instantAfter(before.start()) : before.start(),
                    (changed & END) != 0 ? in.instantAfter(before.end()) : before.end(),
                    (changed & MINIMUM) != 0 ? in.varint() : before.minimumSeconds());
            entries[i] = period;
            before = period;
        }
        return Arrays.asList(entries);
    }

    /** Writes into one growing array: a stream's buffers and locks cost more than the bytes. */
    private static final class ByteWriter {
        private byte[] buffer;
        private int at;

        ByteWriter(int size) {
            buffer = new byte[size];
        }

        ByteWriter tag(byte tag) {
            room(1);
            buffer[at++] = tag;
            return this;
        }

        ByteWriter string(byte[] utf8) {
            if (utf8 == null) {
                return varint(0);
            }
            varint(utf8.length + 1L);
            room(utf8.length);
            System.arraycopy(utf8, 0, buffer, at, utf8.length);
            at += utf8.length;
            return this;
        }

        /**
         * {@code text} as {@link #string(byte[])} writes its UTF-8, without making the UTF-8 first when it is ASCII
         * (resource ids, which differ in every period).
         */
        ByteWriter string(String text) {
            if (text == null) {
                return varint(0);
            }
            int start = at;
            varint(text.length() + 1L);
            room(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    at = start;
                    return string(text.getBytes(StandardCharsets.UTF_8));
                }
                buffer[at++] = (byte) c;
            }
            return this;
        }

        ByteWriter varint(long value) {
            room(10);
            long rest = value;
            while ((rest & ~0x7fL) != 0) {
                buffer[at++] = (byte) ((rest & 0x7f) | 0x80);
                rest >>>= 7;
            }
            buffer[at++] = (byte) rest;
            return this;
        }

        /** {@code instant} as its seconds and nanoseconds after {@code from}'s, each a zigzag varint. */
        ByteWriter difference(Instant from, Instant instant) {
            return zigzag(instant.getEpochSecond() - from.getEpochSecond()).zigzag(instant.getNano() - from.getNano());
        }

        private ByteWriter zigzag(long value) {
            return varint((value << 1) ^ (value >> 63));
        }

        private void room(int bytes) {
            if (at + bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + bytes));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, at);
        }
    }

    /** Reads what {@link ByteWriter} wrote, after the block's tag. */
    private static final class ByteReader {
        private final byte[] bytes;
        private int at = 1;

        ByteReader(byte[] bytes) {
            this.bytes = bytes;
        }

        byte tag() {
            return bytes[at++];
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

        Instant instantAfter(Instant from) {
            long seconds = zigzag();
            long nanos = zigzag();
            return Instant.ofEpochSecond(from.getEpochSecond() + seconds, from.getNano() + nanos);
        }

        private long zigzag() {
            long value = varint();
            return (value >>> 1) ^ -(value & 1);
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
