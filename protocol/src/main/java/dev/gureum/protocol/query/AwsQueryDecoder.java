package dev.gureum.protocol.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Decodes aws-query parameters (SNS, CloudWatch from the AWS CLI 2.9) into an SDK request object using
 * only the model's metadata. Unlike EC2's dialect, lists are {@code X.member.N} ({@code X.N} when the
 * model flattens them), an empty list is sent as {@code X=}, and maps are {@code X.entry.N.key} /
 * {@code X.entry.N.value} with the model's own key and value names (SNS message attributes use
 * {@code Name}/{@code Value}). A name the model does not know is {@code UnknownParameter}.
 */
public final class AwsQueryDecoder {
    private static final QueryStructures.CollectionForms FORMS = new QueryStructures.CollectionForms() {
        @Override
        public Object list(SdkField<?> field, ParameterTree node) {
            return AwsQueryDecoder.list(field, node);
        }

        @Override
        public Object map(SdkField<?> field, ParameterTree node) {
            return AwsQueryDecoder.map(field, node);
        }
    };
    private static final String LIST_MEMBER = "member";
    private static final String MAP_ENTRY = "entry";

    private AwsQueryDecoder() {
    }

    /** Fills {@code builder} from the tree's children and builds it. */
    public static SdkPojo decode(SdkPojo builder, ParameterTree parameters) {
        return QueryStructures.structure(builder, parameters, FORMS);
    }

    private static List<Object> list(SdkField<?> field, ParameterTree node) {
        List<Object> items = new ArrayList<>();
        if (isEmptyCollection(node)) {
            return items;
        }
        ListTrait trait = field.getRequiredTrait(ListTrait.class);
        for (ParameterTree item : QueryValues.indexed(wrapped(node, trait.isFlattened(), LIST_MEMBER)).values()) {
            items.add(QueryStructures.value(trait.memberFieldInfo(), item, FORMS));
        }
        return items;
    }

    private static Map<String, Object> map(SdkField<?> field, ParameterTree node) {
        if (isEmptyCollection(node)) {
            return new LinkedHashMap<>();
        }
        MapTrait trait = field.getRequiredTrait(MapTrait.class);
        ParameterTree entries = wrapped(node, trait.isFlattened(), MAP_ENTRY);
        return QueryStructures.entries(field, QueryValues.indexed(entries).values(), FORMS);
    }

    /** {@code X=} with nothing below it: how clients send an empty list. */
    private static boolean isEmptyCollection(ParameterTree node) {
        return node.children().isEmpty() && node.value() != null && node.value().isEmpty();
    }

    /**
     * The node whose children are the indices: below {@code member} / {@code entry} unless the model
     * flattens the collection. A client that flattens what the model wraps (or the reverse) is accepted too.
     */
    private static ParameterTree wrapped(ParameterTree node, boolean flattened, String wrapper) {
        ParameterTree inner = node.children().get(wrapper);
        if (inner != null && node.children().size() == 1 && node.value() == null) {
            return inner;
        }
        if (!flattened && inner != null) {
            throw QueryValues.unknown(node.children().values().stream().filter(child -> child != inner).findFirst()
                    .orElse(node));
        }
        return node;
    }
}
