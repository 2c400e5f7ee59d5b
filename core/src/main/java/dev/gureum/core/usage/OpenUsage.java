package dev.gureum.core.usage;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * The open stretch of a resource's metered usage, carried in the resource's own record (a running instance,
 * a claimed public address), so the change that opens or closes it writes nothing more than the record it
 * writes anyway; billing reads it back from there and appends the stretch to the usage ledger once it closes.
 * {@code sku} is what it is priced as when that is not the resource's own (the Spot price in force); null, as
 * for an on-demand instance (its type) or an address (the address price). {@code minimumSeconds} is what it is
 * billed at least when it closes (the rest of a Linux instance's 60-second minimum).
 *
 * <p>Every start writes it, so it is stored as an array of its fields without their names
 * ({@code ["2026-11-30T05:43:02.927593524Z",null,60]}); records written before 2026-11-30 hold an object of
 * the named fields, which reads as well.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonDeserialize(using = OpenUsage.Reader.class)
public record OpenUsage(Instant since, String sku, long minimumSeconds) {

    /** Reads the stored array, or the object of named fields that records held before it. */
    static final class Reader extends StdDeserializer<OpenUsage> {
        Reader() {
            super(OpenUsage.class);
        }

        @Override
        public OpenUsage deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return read(parser.readValueAsTree());
        }
    }

    private static OpenUsage read(JsonNode stored) {
        boolean array = stored.isArray();
        JsonNode since = array ? stored.get(0) : stored.get("since");
        JsonNode sku = array ? stored.get(1) : stored.get("sku");
        JsonNode minimum = array ? stored.get(2) : stored.get("minimumSeconds");
        if (since == null || !since.isTextual()) {
            throw new IllegalArgumentException("an open usage stretch without its start: " + stored);
        }
        return new OpenUsage(Instant.parse(since.textValue()), sku == null || sku.isNull() ? null : sku.textValue(),
                minimum == null ? 0 : minimum.longValue());
    }
}
