package dev.gureum.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.ec2.Ec2Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.CreateFleetRequest;
import software.amazon.awssdk.services.ec2.model.FleetLaunchTemplateConfigRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TargetCapacitySpecificationRequest;

class RequiredMembersTest {
    private static final RequiredMembers EC2 = RequiredMembers.forService("ec2");

    @Test
    void everyRequiredMemberOfEveryOperationInputNamesAFieldOfTheSdkShape() {
        List<String> unknown = new ArrayList<>();
        for (Operation operation : new Ec2Protocol().catalog().all().values()) {
            SdkPojo builder = operation.requestBuilders().get();
            String shape = operation.requestType().getSimpleName().toLowerCase(Locale.ROOT);
            Set<String> fields = builder.sdkFields().stream().map(SdkField::memberName)
                    .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            for (String member : EC2.shapes().getOrDefault(shape, Set.of())) {
                if (!fields.contains(member)) {
                    unknown.add(shape + "." + member);
                }
            }
        }
        assertTrue(unknown.isEmpty(), "required members the SDK does not know: " + unknown);
    }

    @Test
    void missingTopLevelMemberIsNamedByItsQueryName() {
        ProtocolException missing = assertThrows(ProtocolException.class,
                () -> EC2.check(RunInstancesRequest.builder().minCount(1).build()));
        assertEquals("MissingParameter", missing.error().code());
        assertEquals("The request must contain the parameter MaxCount", missing.error().message());
    }

    @Test
    void missingNestedMemberIsNamedWithItsQueryPath() {
        ProtocolException missing = assertThrows(ProtocolException.class, () -> EC2.check(CreateFleetRequest.builder()
                .launchTemplateConfigs(FleetLaunchTemplateConfigRequest.builder().build())
                .targetCapacitySpecification(TargetCapacitySpecificationRequest.builder().build()).build()));
        assertEquals("The request must contain the parameter TargetCapacitySpecification.TotalTargetCapacity",
                missing.error().message());
    }

    @Test
    void requestsWithoutRequiredMembersPass() {
        EC2.check(DescribeRegionsRequest.builder().build());
        EC2.check(CreateTagsRequest.builder().resources("i-1").tags(Tag.builder().key("a").build()).build());
    }
}
