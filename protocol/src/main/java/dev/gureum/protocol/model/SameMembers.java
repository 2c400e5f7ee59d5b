package dev.gureum.protocol.model;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Fills the builder of an operation's output from a built shape with the same members. Some operations answer
 * with a resource's own shape (CreateVolume's output is a {@code Volume}, CreateSnapshot's a {@code Snapshot}),
 * which the SDK models as a response class of its own; copying member by member keeps one way of shaping the
 * resource for the describe and the create alike.
 */
public final class SameMembers {
    private SameMembers() {
    }

    /**
     * Sets every member of {@code into} from the member of the same name in {@code from}.
     *
     * @throws IllegalArgumentException if {@code from} has a member {@code into} lacks (its value would be lost)
     */
    public static <B extends SdkPojo> B copy(SdkPojo from, B into) {
        Map<String, SdkField<?>> targets = new HashMap<>();
        for (SdkField<?> field : into.sdkFields()) {
            targets.put(field.memberName(), field);
        }
        for (SdkField<?> field : from.sdkFields()) {
            SdkField<?> target = targets.get(field.memberName());
            if (target == null || target.marshallingType() != field.marshallingType()) {
                throw new IllegalArgumentException(into.getClass().getName() + " has no member "
                        + field.memberName() + " like " + from.getClass().getName() + "'s");
            }
            target.set(into, field.getValueOrDefault(from));
        }
        return into;
    }
}
