package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.account.AccountAttributes;
import dev.gureum.core.network.VpcService;
import dev.gureum.server.dispatch.OperationTable;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;

/** DescribeAccountAttributes. */
final class AccountHandlers {
    private final int maxInstances;
    private final VpcService vpcs;

    AccountHandlers(int maxInstances, VpcService vpcs) {
        this.maxInstances = maxInstances;
        this.vpcs = vpcs;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeAccountAttributesRequest.class, this::describeAccountAttributes);
    }

    DescribeAccountAttributesResponse describeAccountAttributes(DescribeAccountAttributesRequest request,
                                                                RequestContext context) {
        Map<String, java.util.List<String>> attributes =
                AccountAttributes.describe(request.attributeNamesAsStrings(), maxInstances,
                        vpcs.defaultVpcId(context).orElse(null));
        return DescribeAccountAttributesResponse.builder()
                .accountAttributes(attributes.entrySet().stream().map(attribute -> AccountAttribute.builder()
                        .attributeName(attribute.getKey())
                        .attributeValues(attribute.getValue().stream()
                                .map(value -> AccountAttributeValue.builder().attributeValue(value).build()).toList())
                        .build()).toList())
                .build();
    }
}
