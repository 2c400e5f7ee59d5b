package dev.gureum.core.billing;

import dev.gureum.core.store.LedgerKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The usage ledger's bytes: a tag byte, then the entry's fields in declaration order: strings as modified
 * UTF-8 with a presence byte where they may be null, instants as epoch second and nanosecond, numbers as
 * they are. About 90 bytes a period, a third of its JSON, and no text to format: a ledger grows with every
 * stop and start. A new layout gets a new tag; the tags written are read forever.
 */
final class UsageEntryCodec implements LedgerKind.Codec<UsageEntry> {
    private static final byte PERIOD = 1;
    private static final byte WAIVER = 2;

    @Override
    public byte[] encode(UsageEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (entry) {
                case UsagePeriod period -> {
                    out.writeByte(PERIOD);
                    out.writeUTF(period.resourceId());
                    out.writeUTF(period.usageType());
                    out.writeUTF(period.pricedAs().name());
                    out.writeUTF(period.sku());
                    out.writeUTF(period.purchaseOption());
                    writeOptional(out, period.availabilityZone());
                    out.writeLong(period.quantity());
                    writeInstant(out, period.start());
                    writeInstant(out, period.end());
                    out.writeLong(period.minimumSeconds());
                }
                case UsageWaiver waiver -> {
                    out.writeByte(WAIVER);
                    out.writeUTF(waiver.resourceId());
                    out.writeUTF(waiver.usageType());
                    writeInstant(out, waiver.since());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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

    private static void writeOptional(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
