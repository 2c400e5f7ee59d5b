package dev.gureum.protocol.ec2;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * One member of a shape as the EC2 XML encoder writes it: how to read it, what kind of value it holds,
 * its element's tags already encoded, and for a list or map how to write each item. EC2 lists name their
 * items {@code item}, and so do its maps, with {@code key} and {@code value} inside unless the model names them.
 */
final class XmlMember {
    enum Kind { TEXT, BOOLEAN, SCALAR, STRUCTURE, LIST, MAP }

    /** Reads the member from its shape; null for a list's items and a map's values, which are given. */
    final Function<Object, Object> read;
    final Kind kind;
    final byte[] open;
    final byte[] close;
    final byte[] empty;
    /** A boolean member's whole element, true and false. */
    final byte[] whenTrue;
    final byte[] whenFalse;
    /** How a list's items or a map's values are written. */
    final XmlMember item;
    /** A map entry's key element, open and close. */
    final byte[] keyOpen;
    final byte[] keyClose;
    /**
     * The shape a structure member held last time: a member almost always holds one class, so this
     * spares the lookup by class. Written racily, which is safe as shapes are immutable.
     */
    private XmlShape lastShape;

    XmlMember(SdkField<?> field, String elementName, Function<Object, Object> read) {
        this.read = read;
        this.open = utf8("<" + elementName + ">");
        this.close = utf8("</" + elementName + ">");
        this.empty = utf8("<" + elementName + "/>");
        this.whenTrue = utf8("<" + elementName + ">true</" + elementName + ">");
        this.whenFalse = utf8("<" + elementName + ">false</" + elementName + ">");
        MarshallingKnownType type = field.marshallingType().getKnownType();
        this.kind = switch (type) {
            case STRING -> Kind.TEXT;
            case BOOLEAN -> Kind.BOOLEAN;
            case SDK_POJO -> Kind.STRUCTURE;
            case LIST -> Kind.LIST;
            case MAP -> Kind.MAP;
            default -> Kind.SCALAR;
        };
        if (kind == Kind.LIST) {
            SdkField<?> memberField = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            this.item = new XmlMember(memberField, orDefault(memberField.unmarshallLocationName(), "item"), null);
            this.keyOpen = null;
            this.keyClose = null;
        } else if (kind == Kind.MAP) {
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            this.item = new XmlMember(trait.valueFieldInfo(), orDefault(trait.valueLocationName(), "value"), null);
            String keyName = orDefault(trait.keyLocationName(), "key");
            this.keyOpen = utf8("<" + keyName + ">");
            this.keyClose = utf8("</" + keyName + ">");
        } else {
            this.item = null;
            this.keyOpen = null;
            this.keyClose = null;
        }
    }

    XmlShape shapeOf(Object value) {
        XmlShape shape = lastShape;
        if (shape == null || shape.type != value.getClass()) {
            shape = XmlShape.of(value.getClass());
            lastShape = shape;
        }
        return shape;
    }

    private static String orDefault(String name, String fallback) {
        return name == null ? fallback : name;
    }

    /** Element names come from the model and are UTF-8 like the rest of the document. */
    private static byte[] utf8(String markup) {
        return markup.getBytes(StandardCharsets.UTF_8);
    }
}
