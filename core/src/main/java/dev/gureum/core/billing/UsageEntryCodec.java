package dev.gureum.core.billing;

import dev.gureum.core.store.LedgerKind;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The usage ledger's bytes: a tag byte, then the entry's fields in declaration order: strings as modified
 * UTF-8 with a presence byte where they may be null (as {@code DataOutput.writeUTF} writes them), instants as epoch second and nanosecond, numbers as
 * they are. About 90 bytes a period, a third of its JSON, and no text to format: a ledger grows with every
 * stop and start. A new layout gets a new tag; the tags written are read forever.
 */
final class UsageEntryCodec implements LedgerKind.Codec<UsageEntry> {
    private static final byte PERIOD = 1;
    private static final byte WAIVER = 2;

    @Override
    public byte[] encode(UsageEntry entry) {
        return switch (entry) {
            case UsagePeriod period -> {
                String zone = period.availabilityZone();
                ByteWriter out = new ByteWriter(1 + utfSize(period.resourceId()) + utfSize(period.usageType())
                        + utfSize(period.pricedAs().name()) + utfSize(period.sku()) + utfSize(period.purchaseOption())
                        + 1 + (zone == null ? 0 : utfSize(zone)) + 8 + 12 + 12 + 8);
                out.tag(PERIOD).utf(period.resourceId()).utf(period.usageType()).utf(period.pricedAs().name())
                        .utf(period.sku()).utf(period.purchaseOption());
                out.tag(zone == null ? (byte) 0 : (byte) 1);
                if (zone != null) {
                    out.utf(zone);
                }
                yield out.number(period.quantity()).instant(period.start()).instant(period.end())
                        .number(period.minimumSeconds()).bytes();
            }
            case UsageWaiver waiver -> new ByteWriter(1 + utfSize(waiver.resourceId())
                    + utfSize(waiver.usageType()) + 12).tag(WAIVER).utf(waiver.resourceId()).utf(waiver.usageType()).instant(waiver.since()).bytes();
        };
    }

    /** The bytes {@code DataOutput.writeUTF} takes for a string: its length, then modified UTF-8. */
    private static int utfSize(String text) {
        int bytes = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c >= 1 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
        }
        if (bytes > 0xffff + 2) {
            throw new IllegalArgumentException("a usage ledger string is at most 65,535 bytes");
        }
        return bytes;
    }

    /**
     * Writes exactly what a {@code java.io.DataOutputStream} would (big-endian numbers, modified UTF-8 strings), into one
     * array of a size known up front: a ledger entry is written on every stop, and a stream's buffers and locks
     * cost more than the bytes.
     */
    private static final class ByteWriter {
        private final byte[] buffer;
        private int at;

        ByteWriter(int size) {
            buffer = new byte[size];
        }

        ByteWriter tag(byte tag) {
            buffer[at++] = tag;
            return this;
        }

        ByteWriter utf(String text) {
            int length = UsageEntryCodec.utfSize(text) - 2;
            buffer[at++] = (byte) (length >>> 8);
            buffer[at++] = (byte) length;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 1 && c <= 0x7f) {
                    buffer[at++] = (byte) c;
                } else if (c <= 0x7ff) {
                    buffer[at++] = (byte) (0xc0 | (c >> 6));
                    buffer[at++] = (byte) (0x80 | (c & 0x3f));
                } else {
                    buffer[at++] = (byte) (0xe0 | (c >> 12));
                    buffer[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    buffer[at++] = (byte) (0x80 | (c & 0x3f));
                }
            }
            return this;
        }

        ByteWriter number(long value) {
            for (int shift = 56; shift >= 0; shift -= 8) {
                buffer[at++] = (byte) (value >>> shift);
            }
            return this;
        }

        ByteWriter instant(Instant instant) {
            number(instant.getEpochSecond());
            int nano = instant.getNano();
            for (int shift = 24; shift >= 0; shift -= 8) {
                buffer[at++] = (byte) (nano >>> shift);
            }
            return this;
        }

        byte[] bytes() {
            if (at != buffer.length) {
                throw new IllegalStateException("a usage ledger entry took " + at + " of " + buffer.length + " bytes");
            }
            return buffer;
        }
    }

    @Override
    public UsageEntry decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte tag = in.readByte();
            return switch (tag) {
                case PERIOD -> new UsagePeriod(in.readUTF(), in.readUTF(), UsagePeriod.PricedAs.valueOf(in.readUTF()),
                        in.readUTF(), in.readUTF(), readOptional(in), in.readLong(), readInstant(in), readInstant(in),
                        in.readLong());
                case WAIVER -> new UsageWaiver(in.readUTF(), in.readUTF(), readInstant(in));
                default -> throw new IllegalArgumentException("unknown usage ledger entry " + tag);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
