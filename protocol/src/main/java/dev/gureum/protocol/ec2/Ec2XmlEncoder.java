package dev.gureum.protocol.ec2;

import dev.gureum.protocol.xml.Timestamps;
import dev.gureum.protocol.xml.XmlOutput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as EC2 XML: {@code <XxxResponse xmlns=…><requestId/>…</XxxResponse>}
 * with no Result wrapper, element names from the model's unmarshall names and list items as
 * {@code <item>}. A list the handler never set is omitted; a list set to empty is written as an empty
 * element, which clients read as present-but-empty (real EC2 emits empty {@code …Set} elements).
 * Field plans with pre-encoded tags are cached per class: XML writing dominates response time.
 */
public final class Ec2XmlEncoder {
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final byte[] PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);
    private static final Map<Class<?>, FieldWriter[]> PLANS = new ConcurrentHashMap<>();
    /** The size of each operation's last response, so the next one's buffer is allocated once. */
    private static final Map<String, Integer> LAST_SIZE = new ConcurrentHashMap<>();

    private Ec2XmlEncoder() {
    }

    public static byte[] encode(String operation, SdkPojo output, String requestId) {
        return write(operation, output, requestId).toByteArray();
    }

    /** The response document, left in the buffer it was written into (see {@link XmlOutput#buffer()}). */
    public static XmlOutput write(String operation, SdkPojo output, String requestId) {
        XmlOutput out = new XmlOutput(LAST_SIZE.getOrDefault(operation, 1024) + 256);
        out.raw(PROLOG).ascii("<").ascii(operation).ascii("Response xmlns=\"").ascii(NAMESPACE).ascii("\">");
        out.ascii("<requestId>").text(requestId).ascii("</requestId>");
        members(output, out);
        out.ascii("</").ascii(operation).ascii("Response>");
        LAST_SIZE.put(operation, out.length());
        return out;
    }

    private static void members(SdkPojo pojo, XmlOutput out) {
        FieldWriter[] plan = PLANS.get(pojo.getClass());
        if (plan == null) {
            plan = plan(pojo);
            PLANS.put(pojo.getClass(), plan);
        }
        for (FieldWriter writer : plan) {
            Object value = writer.field.getValueOrDefault(pojo);
            if (value != null) {
                writer.write(value, out);
            }
        }
    }

    private static FieldWriter[] plan(SdkPojo pojo) {
        return pojo.sdkFields().stream()
                .filter(field -> field.unmarshallLocationName() != null)
                .map(field -> new FieldWriter(field, field.unmarshallLocationName()))
                .toArray(FieldWriter[]::new);
    }

    /** One member: its field, tags pre-encoded, and how to write its value. */
    private static final class FieldWriter {
        private final SdkField<?> field;
        private final byte[] open;
        private final byte[] close;
        private final byte[] empty;
        private final MarshallingKnownType type;
        private final FieldWriter member;
        private final MapTrait mapTrait;

        FieldWriter(SdkField<?> field, String elementName) {
            this.field = field;
            this.open = ("<" + elementName + ">").getBytes(StandardCharsets.UTF_8);
            this.close = ("</" + elementName + ">").getBytes(StandardCharsets.UTF_8);
            this.empty = ("<" + elementName + "/>").getBytes(StandardCharsets.UTF_8);
            this.type = field.marshallingType().getKnownType();
            if (type == MarshallingKnownType.LIST) {
                SdkField<?> memberField = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
                String itemName = memberField.unmarshallLocationName() == null ? "item" : memberField.unmarshallLocationName();
                this.member = new FieldWriter(memberField, itemName);
                this.mapTrait = null;
            } else if (type == MarshallingKnownType.MAP) {
                this.mapTrait = field.getRequiredTrait(MapTrait.class);
                this.member = new FieldWriter(mapTrait.valueFieldInfo(), valueName(mapTrait));
            } else {
                this.member = null;
                this.mapTrait = null;
            }
        }

        void write(Object value, XmlOutput out) {
            switch (type) {
                case LIST -> list((List<?>) value, out);
                case MAP -> map((Map<?, ?>) value, out);
                case SDK_POJO -> {
                    out.raw(open);
                    members((SdkPojo) value, out);
                    out.raw(close);
                }
                default -> {
                    out.raw(open);
                    scalar(value, out);
                    out.raw(close);
                }
            }
        }

        private void list(List<?> items, XmlOutput out) {
            if (items instanceof SdkAutoConstructList) {
                return;
            }
            if (items.isEmpty()) {
                out.raw(empty);
                return;
            }
            out.raw(open);
            for (Object item : items) {
                if (item != null) {
                    member.write(item, out);
                }
            }
            out.raw(close);
        }

        private void map(Map<?, ?> entries, XmlOutput out) {
            if (entries instanceof SdkAutoConstructMap) {
                return;
            }
            String keyName = mapTrait.keyLocationName() == null ? "key" : mapTrait.keyLocationName();
            out.raw(open);
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                out.ascii("<item><").ascii(keyName).ascii(">").text(String.valueOf(entry.getKey()))
                        .ascii("</").ascii(keyName).ascii(">");
                if (entry.getValue() != null) {
                    member.write(entry.getValue(), out);
                }
                out.ascii("</item>");
            }
            out.raw(close);
        }

        private static String valueName(MapTrait trait) {
            return trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        }
    }

    private static void scalar(Object value, XmlOutput out) {
        if (value instanceof String text) {
            out.text(text);
        } else if (value instanceof Instant instant) {
            Timestamps.write(instant, out);
        } else if (value instanceof SdkBytes bytes) {
            out.ascii(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else if (value instanceof Integer || value instanceof Long) {
            out.digits(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            out.ascii(flag ? "true" : "false");
        } else if (value instanceof BigDecimal decimal) {
            out.ascii(decimal.toPlainString());
        } else {
            out.ascii(value.toString());
        }
    }
}
