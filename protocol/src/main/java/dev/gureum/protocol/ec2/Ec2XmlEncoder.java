package dev.gureum.protocol.ec2;

import dev.gureum.protocol.xml.Timestamps;
import dev.gureum.protocol.xml.XmlOutput;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as EC2 XML: {@code <XxxResponse xmlns=…><requestId/>…</XxxResponse>}
 * with no Result wrapper, element names from the model's unmarshall names and list items as
 * {@code <item>}. A list the handler never set is omitted; a list set to empty is written as an empty
 * element, which clients read as present-but-empty (real EC2 emits empty {@code …Set} elements).
 * The walk follows an {@link XmlShape} per class, with every tag encoded once: XML writing dominates
 * the time of large Describe answers.
 */
public final class Ec2XmlEncoder {
    public static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final byte[] PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM_OPEN = "<item>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ITEM_CLOSE = "</item>".getBytes(StandardCharsets.US_ASCII);
    /** The size of each operation's last response, so the next one's buffer is allocated once. */
    private static final Map<String, Integer> LAST_SIZE = new ConcurrentHashMap<>();
    private static final KeptEncodings KEPT = new KeptEncodings();

    private Ec2XmlEncoder() {
    }

    /**
     * Keeps the encoding of {@code shape} once it is written, for as long as the caller holds the object: for
     * shapes a handler serves again and again unchanged (an instance a waiter polls), so that each is encoded once.
     */
    public static void keepEncoding(SdkPojo shape) {
        XmlShape.of(shape.getClass()).someKept = true;
        KEPT.keep(shape);
    }

    /** How many objects' encodings are kept (for tests). */
    static int keptEncodings() {
        return KEPT.size();
    }

    public static byte[] encode(String operation, SdkPojo output, String requestId) {
        return write(operation, output, requestId).toByteArray();
    }

    /** The response document, left in the buffer it was written into (see {@link XmlOutput#buffer()}). */
    public static XmlOutput write(String operation, SdkPojo output, String requestId) {
        XmlOutput out = new XmlOutput(LAST_SIZE.getOrDefault(operation, 1024) + 256);
        out.raw(PROLOG).ascii("<").ascii(operation).ascii("Response xmlns=\"").ascii(NAMESPACE).ascii("\">");
        out.ascii("<requestId>").text(requestId).ascii("</requestId>");
        members(output, XmlShape.of(output.getClass()), out);
        out.ascii("</").ascii(operation).ascii("Response>");
        LAST_SIZE.put(operation, out.length());
        return out;
    }

    private static void members(SdkPojo pojo, XmlShape shape, XmlOutput out) {
        for (XmlMember member : shape.members) {
            Object value = member.read.apply(pojo);
            if (value != null) {
                write(member, value, out);
            }
        }
    }

    private static void write(XmlMember member, Object value, XmlOutput out) {
        switch (member.kind) {
            case TEXT -> out.element(member.open, (String) value, member.close);
            case BOOLEAN -> out.raw((Boolean) value ? member.whenTrue : member.whenFalse);
            case SCALAR -> {
                out.raw(member.open);
                scalar(value, out);
                out.raw(member.close);
            }
            case STRUCTURE -> {
                out.raw(member.open);
                structure((SdkPojo) value, member.shapeOf(value), out);
                out.raw(member.close);
            }
            case LIST -> list(member, (List<?>) value, out);
            case MAP -> map(member, (Map<?, ?>) value, out);
        }
    }

    private static void structure(SdkPojo value, XmlShape shape, XmlOutput out) {
        if (!shape.someKept) {
            members(value, shape, out);
            return;
        }
        byte[] kept = KEPT.encoding(value);
        if (kept != null) {
            out.raw(kept);
        } else if (KEPT.kept(value)) {
            int start = out.length();
            members(value, shape, out);
            KEPT.store(value, Arrays.copyOfRange(out.buffer(), start, out.length()));
        } else {
            members(value, shape, out);
        }
    }

    private static void list(XmlMember member, List<?> items, XmlOutput out) {
        if (items instanceof SdkAutoConstructList) {
            return;
        }
        if (items.isEmpty()) {
            out.raw(member.empty);
            return;
        }
        out.raw(member.open);
        if (items instanceof RandomAccess) {
            for (int i = 0, n = items.size(); i < n; i++) {
                Object item = items.get(i);
                if (item != null) {
                    write(member.item, item, out);
                }
            }
        } else {
            for (Object item : items) {
                if (item != null) {
                    write(member.item, item, out);
                }
            }
        }
        out.raw(member.close);
    }

    private static void map(XmlMember member, Map<?, ?> entries, XmlOutput out) {
        if (entries instanceof SdkAutoConstructMap) {
            return;
        }
        out.raw(member.open);
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            out.raw(ITEM_OPEN).raw(member.keyOpen).text(String.valueOf(entry.getKey())).raw(member.keyClose);
            if (entry.getValue() != null) {
                write(member.item, entry.getValue(), out);
            }
            out.raw(ITEM_CLOSE);
        }
        out.raw(member.close);
    }

    private static void scalar(Object value, XmlOutput out) {
        if (value instanceof String text) {
            out.text(text);
        } else if (value instanceof Boolean flag) {
            out.ascii(flag ? "true" : "false");
        } else if (value instanceof Integer || value instanceof Long) {
            out.digits(((Number) value).longValue());
        } else if (value instanceof Instant instant) {
            Timestamps.write(instant, out);
        } else if (value instanceof SdkBytes bytes) {
            out.ascii(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
        } else if (value instanceof BigDecimal decimal) {
            out.ascii(decimal.toPlainString());
        } else {
            out.ascii(value.toString());
        }
    }
}
