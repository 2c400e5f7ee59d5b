package dev.gureum.protocol.ec2;

import dev.gureum.protocol.model.MemberReaders;
import software.amazon.awssdk.core.SdkPojo;

/**
 * How one SDK shape is written as EC2 XML: its members in model order ({@link SdkPojo#sdkFields()}), each
 * with its tags encoded and read through its own getter ({@link MemberReaders}), computed once per class.
 * Members without an XML name are left out.
 */
final class XmlShape {
    private static final ClassValue<XmlShape> SHAPES = new ClassValue<>() {
        @Override
        protected XmlShape computeValue(Class<?> type) {
            return new XmlShape(type);
        }
    };

    final Class<?> type;
    final XmlMember[] members;
    /** Whether an object of this class ever had its encoding kept: only then are its objects looked up. */
    volatile boolean someKept;

    private XmlShape(Class<?> type) {
        this.type = type;
        MemberReaders readers = MemberReaders.of(type);
        this.members = readers.fields().stream()
                .filter(field -> field.unmarshallLocationName() != null)
                .map(field -> new XmlMember(field, field.unmarshallLocationName(), readers.reader(field)))
                .toArray(XmlMember[]::new);
    }

    static XmlShape of(Class<?> type) {
        return SHAPES.get(type);
    }
}
