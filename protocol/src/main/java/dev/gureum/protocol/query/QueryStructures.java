package dev.gureum.protocol.query;

import dev.gureum.protocol.model.ShapePlan;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes a tree of query parameters into SDK objects by the model's metadata: structures member by member
 * (a name the model does not know is {@code UnknownParameter}), scalars by their type, and lists and maps as
 * the protocol spells them ({@link CollectionForms}: EC2 query and aws-query differ only there).
 */
public final class QueryStructures {

    /** How a query protocol spells lists and maps; item values are decoded back through {@link #value}. */
    public interface CollectionForms {
        Object list(SdkField<?> field, ParameterTree node);

        Object map(SdkField<?> field, ParameterTree node);
    }

    private QueryStructures() {
    }

    /** Fills {@code builder} from the node's children and builds it. */
    public static SdkPojo structure(SdkPojo builder, ParameterTree node, CollectionForms forms) {
        if (node.value() != null && !node.name().isEmpty()) {
            throw QueryValues.unknown(node);
        }
        ShapePlan plan = ShapePlan.of(builder);
        for (ParameterTree child : node.children().values()) {
            SdkField<?> field = plan.queryField(QueryValues.lastSegment(child));
            if (field == null) {
                throw QueryValues.unknown(child);
            }
            field.set(builder, value(field, child, forms));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    /** One member's value: a list, a map, a nested structure or a scalar. */
    public static Object value(SdkField<?> field, ParameterTree node, CollectionForms forms) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case LIST -> forms.list(field, node);
            case MAP -> forms.map(field, node);
            case SDK_POJO -> structure(field.constructor().get(), node, forms);
            default -> QueryValues.scalar(type, node);
        };
    }
}
