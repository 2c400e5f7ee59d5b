package dev.gureum.protocol.ec2;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.model.ShapePlan;
import dev.gureum.protocol.query.ParameterTree;
import dev.gureum.protocol.query.QueryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Decodes EC2 query parameters into an SDK request object using only the model's metadata. EC2 lists
 * are always flattened ({@code InstanceId.1}, {@code Filter.2.Value.1}) with 1-based, possibly sparse
 * indices ordered as numbers; nested members join their query names with dots. A name the model does not
 * know is {@code UnknownParameter}; a value of the wrong type is {@code InvalidParameterValue}.
 */
public final class Ec2QueryDecoder {

    private Ec2QueryDecoder() {
    }

    /** Fills {@code builder} from the tree's children and builds it. */
    public static SdkPojo decode(SdkPojo builder, ParameterTree parameters) {
        return structure(builder, parameters);
    }

    private static SdkPojo structure(SdkPojo builder, ParameterTree node) {
        if (node.value() != null && !node.name().isEmpty()) {
            throw QueryValues.unknown(node);
        }
        ShapePlan plan = ShapePlan.of(builder);
        for (ParameterTree child : node.children().values()) {
            SdkField<?> field = plan.queryField(QueryValues.lastSegment(child));
            if (field == null) {
                throw QueryValues.unknown(child);
            }
            field.set(builder, value(field, child));
        }
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> field, ParameterTree node) {
        MarshallingKnownType type = field.marshallingType().getKnownType();
        return switch (type) {
            case LIST -> list(field, node);
            case MAP -> map(field, node);
            case SDK_POJO -> structure(field.constructor().get(), node);
            default -> QueryValues.scalar(type, node);
        };
    }

    private static List<Object> list(SdkField<?> field, ParameterTree node) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> items = new ArrayList<>();
        for (ParameterTree item : QueryValues.indexed(node).values()) {
            items.add(value(member, item));
        }
        return items;
    }

    private static Map<String, Object> map(SdkField<?> field, ParameterTree node) {
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        Map<String, Object> entries = new LinkedHashMap<>();
        for (ParameterTree entry : QueryValues.indexed(node).values()) {
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
            entries.put(key.value(), value == null ? null : value(trait.valueFieldInfo(), value));
        }
        return entries;
    }
}
