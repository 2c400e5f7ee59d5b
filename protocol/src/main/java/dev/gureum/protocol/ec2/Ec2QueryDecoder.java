package dev.gureum.protocol.ec2;

import dev.gureum.protocol.query.ParameterTree;
import dev.gureum.protocol.query.QueryStructures;
import dev.gureum.protocol.query.QueryValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;

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
        return QueryStructures.entries(field, QueryValues.indexed(node).values(), FORMS);
    }
}
