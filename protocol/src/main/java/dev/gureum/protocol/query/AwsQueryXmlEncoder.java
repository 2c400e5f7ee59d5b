package dev.gureum.protocol.query;

import dev.gureum.protocol.xml.Timestamps;
import dev.gureum.protocol.xml.XmlOutput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as aws-query XML:
 * {@code <XResponse xmlns=…><XResult>…</XResult><ResponseMetadata><RequestId>…</RequestId></ResponseMetadata></XResponse>}.
 * The Result element comes first (botocore finds it by name, the Java SDK takes the first child) and is
 * written even for an output with no members: botocore looks for it whenever the model declares an output. Lists are {@code <X><member>…</member></X>}
 * (repeated {@code <X>} when flattened), maps {@code <X><entry><key/><value/></entry></X>} with the model's
 * key and value names. A list the handler never set is omitted, one set to empty is an empty element.
 */
public final class AwsQueryXmlEncoder {
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private AwsQueryXmlEncoder() {
    }

    public static XmlOutput write(String operation, String namespace, SdkPojo output, String requestId) {
        XmlOutput out = new XmlOutput(1024);
        out.ascii(PROLOG).ascii("<").ascii(operation).ascii("Response xmlns=\"").ascii(namespace).ascii("\">");
        out.ascii("<").ascii(operation).ascii("Result>");
        members(output, out);
        out.ascii("</").ascii(operation).ascii("Result>");
        out.ascii("<ResponseMetadata><RequestId>").text(requestId).ascii("</RequestId></ResponseMetadata></")
                .ascii(operation).ascii("Response>");
        return out;
    }

    private static void members(SdkPojo pojo, XmlOutput out) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && field.unmarshallLocationName() != null) {
                element(field, field.unmarshallLocationName(), value, out);
            }
        }
    }

    private static void element(SdkField<?> field, String name, Object value, XmlOutput out) {
        switch (field.marshallingType().getKnownType()) {
            case LIST -> list(field, name, (List<?>) value, out);
            case MAP -> map(field, name, (Map<?, ?>) value, out);
            case SDK_POJO -> {
                out.ascii("<").ascii(name).ascii(">");
                members((SdkPojo) value, out);
                out.ascii("</").ascii(name).ascii(">");
            }
            default -> {
                out.ascii("<").ascii(name).ascii(">");
                scalar(value, out);
                out.ascii("</").ascii(name).ascii(">");
            }
        }
    }

    private static void list(SdkField<?> field, String name, List<?> items, XmlOutput out) {
        if (items instanceof SdkAutoConstructList) {
            return;
        }
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        SdkField<?> member = trait.memberFieldInfo();
        if (trait.isFlattened()) {
            items.forEach(item -> element(member, name, item, out));
            return;
        }
        if (items.isEmpty()) {
            out.ascii("<").ascii(name).ascii("/>");
            return;
        }
        String itemName = member.unmarshallLocationName() == null ? "member" : member.unmarshallLocationName();
        out.ascii("<").ascii(name).ascii(">");
        for (Object item : items) {
            if (item != null) {
                element(member, itemName, item, out);
            }
        }
        out.ascii("</").ascii(name).ascii(">");
    }

    private static void map(SdkField<?> field, String name, Map<?, ?> entries, XmlOutput out) {
        if (entries instanceof SdkAutoConstructMap) {
            return;
        }
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        String entryName = trait.isFlattened() ? name : "entry";
        if (!trait.isFlattened()) {
            out.ascii("<").ascii(name).ascii(">");
        }
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            out.ascii("<").ascii(entryName).ascii("><").ascii(keyName).ascii(">").text(String.valueOf(entry.getKey()))
                    .ascii("</").ascii(keyName).ascii(">");
            if (entry.getValue() != null) {
                element(trait.valueFieldInfo(), valueName, entry.getValue(), out);
            }
            out.ascii("</").ascii(entryName).ascii(">");
        }
        if (!trait.isFlattened()) {
            out.ascii("</").ascii(name).ascii(">");
        }
    }

    private static void scalar(Object value, XmlOutput out) {
        switch (value) {
            case String text -> out.text(text);
            case Instant instant -> Timestamps.write(instant, out);
            case SdkBytes bytes -> out.ascii(Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe()));
            case Integer number -> out.digits(number);
            case Long number -> out.digits(number);
            case Boolean flag -> out.ascii(flag ? "true" : "false");
            case BigDecimal decimal -> out.ascii(decimal.toPlainString());
            default -> out.ascii(value.toString());
        }
    }
}
