package dev.gureum.protocol.query;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.model.ShapePlan;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.MapTrait;
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

    /**
     * A map's entries, each with its key and value under the model's location names ({@code key} and
     * {@code value} unless the model names them); a missing key or value is {@code MissingParameter}.
     */
    public static Map<String, Object> entries(SdkField<?> field, Collection<ParameterTree> entries,
                                              CollectionForms forms) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        Map<String, Object> decoded = new LinkedHashMap<>();
        for (ParameterTree entry : entries) {
            ParameterTree key = null;
            ParameterTree value = null;
            for (ParameterTree part : entry.children().values()) {
                String partName = QueryValues.lastSegment(part);
                if (partName.equalsIgnoreCase(keyName)) {
                    key = part;
                } else if (partName.equalsIgnoreCase(valueName)) {
                    value = part;
                } else {
                    throw QueryValues.unknown(part);
                }
            }
            if (key == null || key.value() == null) {
                throw new ProtocolException(CommonError.MISSING_PARAMETER,
                        "The request must contain the parameter " + entry.name() + "." + keyName);
            }
            if (value == null) {
                throw new ProtocolException(CommonError.MISSING_PARAMETER,
                        "The request must contain the parameter " + entry.name() + "." + valueName);
            }
            decoded.put(key.value(), value(trait.valueFieldInfo(), value, forms));
        }
        return decoded;
    }
}
