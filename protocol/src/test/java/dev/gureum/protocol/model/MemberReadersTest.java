package dev.gureum.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.ec2.model.CreateVerifiedAccessInstanceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Placement;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;

/** Members are read through their own getters where a probe confirms them, and read what SdkField reads. */
class MemberReadersTest {

    @Test
    void everyMemberOfTheShapesDescribeInstancesAnswersWithHasItsOwnGetter() {
        List<String> without = new ArrayList<>();
        for (Class<?> shape : List.of(Reservation.class, Instance.class, InstanceNetworkInterface.class,
                GroupIdentifier.class, Placement.class, InstanceState.class)) {
            MemberReaders readers = MemberReaders.of(shape);
            for (SdkField<?> field : readers.fields()) {
                if (readers.getter(field) == null) {
                    without.add(shape.getSimpleName() + "." + field.memberName());
                }
            }
        }
        assertTrue(without.isEmpty(), "read through SdkField: " + without);
    }

    @Test
    void readsWhatSdkFieldReads() {
        Instance instance = Instance.builder().instanceId("i-0123456789abcdef0").instanceType("t3.micro")
                .launchTime(Instant.parse("2026-11-29T12:00:00.123Z")).amiLaunchIndex(3).ebsOptimized(false)
                .placement(Placement.builder().availabilityZone("us-east-1a").build())
                .productCodes(List.of()).build();
        MemberReaders readers = MemberReaders.of(Instance.class);
        for (SdkField<?> field : readers.fields()) {
            assertSame(field.getValueOrDefault(instance), readers.reader(field).apply(instance), field.memberName());
        }
    }

    @Test
    void findsTheGettersOfAcronymsAndJavaKeywords() {
        assertNotNull(getter(CreateVerifiedAccessInstanceRequest.class, "FIPSEnabled"));
        assertNotNull(getter(DeleteKeyPairResponse.class, "Return"));
    }

    /** An idempotency token that was not given is invented by SdkField, so it is read through SdkField. */
    @Test
    void readsMembersWithADefaultValueThroughSdkField() {
        MemberReaders readers = MemberReaders.of(RunInstancesRequest.class);
        SdkField<?> clientToken = field(readers, "ClientToken");
        assertNull(readers.getter(clientToken));
        Object token = readers.reader(clientToken).apply(RunInstancesRequest.builder().build());
        assertEquals(36, String.valueOf(token).length());
    }

    private static Object getter(Class<?> shape, String memberName) {
        MemberReaders readers = MemberReaders.of(shape);
        return readers.getter(field(readers, memberName));
    }

    private static SdkField<?> field(MemberReaders readers, String memberName) {
        return readers.fields().stream().filter(field -> field.memberName().equals(memberName)).findFirst()
                .orElseThrow();
    }
}
