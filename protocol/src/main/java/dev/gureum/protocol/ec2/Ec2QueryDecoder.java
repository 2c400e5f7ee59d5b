package dev.gureum.protocol.ec2;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.query.ParameterTree;
import dev.gureum.protocol.query.QueryStructures;
import dev.gureum.protocol.query.QueryValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Decodes EC2 query parameters into an SDK request object using only the model's metadata. EC2 lists
 * are always flattened ({@code InstanceId.1}, {@code Filter.2.Value.1}) with 1-based, possibly sparse
 * indices ordered as numbers; nested members join their query names with dots. A name the model does not
 * know is {@code UnknownParameter}; a value of the wrong type is {@code InvalidParameterValue}.
 */
public final class Ec2QueryDecoder {
    private static final QueryStructures.CollectionForms FORMS = new QueryStructures.CollectionForms() {
        @Override
        public Object list(SdkField<?> field, ParameterTree node) {
            return Ec2QueryDecoder.list(field, node);
        }

        @Override
        public Object map(SdkField<?> field, ParameterTree node) {
            return Ec2QueryDecoder.map(field, node);
        }
    };

    private Ec2QueryDecoder() {
    }

    /** Fills {@code builder} from the tree's children and builds it. */
    public static SdkPojo decode(SdkPojo builder, ParameterTree parameters) {
        return QueryStructures.structure(builder, parameters, FORMS);
    }

    private static List<Object> list(SdkField<?> field, ParameterTree node) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> items = new ArrayList<>();
        for (ParameterTree item : QueryValues.indexed(node).values()) {
            items.add(QueryStructures.value(member, item, FORMS));
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
            entries.put(key.value(), value == null ? null
                    : QueryStructures.value(trait.valueFieldInfo(), value, FORMS));
        }
        return entries;
    }
}
