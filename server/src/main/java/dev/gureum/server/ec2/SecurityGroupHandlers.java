package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.network.SecurityGroup;
import dev.gureum.core.network.SecurityGroupService;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;

/**
 * CreateSecurityGroup, DeleteSecurityGroup and DescribeSecurityGroups; the rule operations live in
 * {@link SecurityGroupRuleHandlers}. Tags given at creation must name the resource type
 * {@code security-group}; the create answers with a tag set only when tags were given.
 */
final class SecurityGroupHandlers {
    private static final String RESOURCE_TYPE = "security-group";

    private final SecurityGroupService groups;

    SecurityGroupHandlers(SecurityGroupService groups) {
        this.groups = groups;
    }

    void registerInto(OperationTable table) {
        table.register(CreateSecurityGroupRequest.class, this::createSecurityGroup);
        table.register(DeleteSecurityGroupRequest.class, this::deleteSecurityGroup);
        table.register(DescribeSecurityGroupsRequest.class, this::describeSecurityGroups);
        new SecurityGroupRuleHandlers(groups.rules()).registerInto(table);
    }

    CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request, RequestContext context) {
        SecurityGroup group = groups.create(context, request.groupName(), request.description(), request.vpcId(),
                Tags.forCreation(request.tagSpecifications(), RESOURCE_TYPE));
        CreateSecurityGroupResponse.Builder response = CreateSecurityGroupResponse.builder()
                .groupId(group.id())
                .securityGroupArn(SecurityGroupShapes.groupArn(group.region(), group.ownerId(), group.id()));
        if (!group.tags().isEmpty()) {
            response.tags(Tags.toSdk(group.tags()));
        }
        return response.build();
    }

    DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request, RequestContext context) {
        return DeleteSecurityGroupResponse.builder()
                .returnValue(true)
                .groupId(groups.delete(context, request.groupId(), request.groupName()))
                .build();
    }

    DescribeSecurityGroupsResponse describeSecurityGroups(DescribeSecurityGroupsRequest request,
                                                          RequestContext context) {
        Page<SecurityGroup> page = groups.describe(context, request.groupIds(), request.groupNames(),
                Filters.of(request.filters()), request.maxResults(), request.nextToken());
        return DescribeSecurityGroupsResponse.builder()
                .securityGroups(page.items().stream().map(SecurityGroupShapes::group).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
