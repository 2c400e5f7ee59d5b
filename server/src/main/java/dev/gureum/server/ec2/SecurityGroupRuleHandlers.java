package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.network.Direction;
import dev.gureum.core.network.GroupRule;
import dev.gureum.core.network.Permission;
import dev.gureum.core.network.Revocation;
import dev.gureum.core.network.RuleReplacement;
import dev.gureum.core.network.SecurityGroupRuleService;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleDescription;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressResponse;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressResponse;

/**
 * The rule operations of security groups: Authorize and Revoke in both directions (with the older
 * top-level parameters of the ingress operations), DescribeSecurityGroupRules, ModifySecurityGroupRules
 * and UpdateSecurityGroupRuleDescriptions in both directions. Tags given to an Authorize must name the
 * resource type {@code security-group-rule}; every new rule gets them.
 */
final class SecurityGroupRuleHandlers {
    private static final String RESOURCE_TYPE = "security-group-rule";

    private final SecurityGroupRuleService rules;

    SecurityGroupRuleHandlers(SecurityGroupRuleService rules) {
        this.rules = rules;
    }

    void registerInto(OperationTable table) {
        table.register(AuthorizeSecurityGroupIngressRequest.class, this::authorizeIngress);
        table.register(AuthorizeSecurityGroupEgressRequest.class, this::authorizeEgress);
        table.register(RevokeSecurityGroupIngressRequest.class, this::revokeIngress);
        table.register(RevokeSecurityGroupEgressRequest.class, this::revokeEgress);
        table.register(DescribeSecurityGroupRulesRequest.class, this::describeSecurityGroupRules);
        table.register(ModifySecurityGroupRulesRequest.class, this::modifySecurityGroupRules);
        table.register(UpdateSecurityGroupRuleDescriptionsIngressRequest.class, (request, context) -> {
            rules.updateDescriptions(context, Direction.INGRESS, request.groupId(), request.groupName(),
                    SecurityGroupShapes.fromSdk(request.ipPermissions()),
                    descriptions(request.securityGroupRuleDescriptions()));
            return UpdateSecurityGroupRuleDescriptionsIngressResponse.builder().returnValue(true).build();
        });
        table.register(UpdateSecurityGroupRuleDescriptionsEgressRequest.class, (request, context) -> {
            rules.updateDescriptions(context, Direction.EGRESS, request.groupId(), request.groupName(),
                    SecurityGroupShapes.fromSdk(request.ipPermissions()),
                    descriptions(request.securityGroupRuleDescriptions()));
            return UpdateSecurityGroupRuleDescriptionsEgressResponse.builder().returnValue(true).build();
        });
    }

    AuthorizeSecurityGroupIngressResponse authorizeIngress(AuthorizeSecurityGroupIngressRequest request,
                                                           RequestContext context) {
        List<GroupRule> added = rules.authorize(context, Direction.INGRESS, request.groupId(), request.groupName(),
                permissions(Direction.INGRESS, request.ipPermissions(), request.ipProtocol(), request.fromPort(),
                        request.toPort(), request.cidrIp(), request.sourceSecurityGroupName(),
                        request.sourceSecurityGroupOwnerId()),
                Tags.forCreation(request.tagSpecifications(), RESOURCE_TYPE));
        return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true)
                .securityGroupRules(shapes(added, context)).build();
    }

    AuthorizeSecurityGroupEgressResponse authorizeEgress(AuthorizeSecurityGroupEgressRequest request,
                                                         RequestContext context) {
        List<GroupRule> added = rules.authorize(context, Direction.EGRESS, request.groupId(), null,
                permissions(Direction.EGRESS, request.ipPermissions(), request.ipProtocol(), request.fromPort(),
                        request.toPort(), request.cidrIp(), request.sourceSecurityGroupName(),
                        request.sourceSecurityGroupOwnerId()),
                Tags.forCreation(request.tagSpecifications(), RESOURCE_TYPE));
        return AuthorizeSecurityGroupEgressResponse.builder().returnValue(true)
                .securityGroupRules(shapes(added, context)).build();
    }

    RevokeSecurityGroupIngressResponse revokeIngress(RevokeSecurityGroupIngressRequest request,
                                                     RequestContext context) {
        Revocation revocation = rules.revoke(context, Direction.INGRESS, request.groupId(), request.groupName(),
                permissions(Direction.INGRESS, request.ipPermissions(), request.ipProtocol(), request.fromPort(),
                        request.toPort(), request.cidrIp(), request.sourceSecurityGroupName(),
                        request.sourceSecurityGroupOwnerId()),
                request.securityGroupRuleIds());
        return RevokeSecurityGroupIngressResponse.builder().returnValue(true)
                .revokedSecurityGroupRules(revocation.revoked().stream().map(SecurityGroupShapes::revoked).toList())
                .unknownIpPermissions(unknown(revocation))
                .build();
    }

    RevokeSecurityGroupEgressResponse revokeEgress(RevokeSecurityGroupEgressRequest request, RequestContext context) {
        Revocation revocation = rules.revoke(context, Direction.EGRESS, request.groupId(), null,
                permissions(Direction.EGRESS, request.ipPermissions(), request.ipProtocol(), request.fromPort(),
                        request.toPort(), request.cidrIp(), request.sourceSecurityGroupName(),
                        request.sourceSecurityGroupOwnerId()),
                request.securityGroupRuleIds());
        return RevokeSecurityGroupEgressResponse.builder().returnValue(true)
                .revokedSecurityGroupRules(revocation.revoked().stream().map(SecurityGroupShapes::revoked).toList())
                .unknownIpPermissions(unknown(revocation))
                .build();
    }

    DescribeSecurityGroupRulesResponse describeSecurityGroupRules(DescribeSecurityGroupRulesRequest request,
                                                                  RequestContext context) {
        Page<GroupRule> page = rules.describe(context, request.securityGroupRuleIds(), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeSecurityGroupRulesResponse.builder()
                .securityGroupRules(shapes(page.items(), context))
                .nextToken(page.nextToken())
                .build();
    }

    ModifySecurityGroupRulesResponse modifySecurityGroupRules(ModifySecurityGroupRulesRequest request,
                                                              RequestContext context) {
        List<RuleReplacement> replacements = new ArrayList<>();
        for (SecurityGroupRuleUpdate update : request.securityGroupRules()) {
            SecurityGroupRuleRequest rule = update.securityGroupRule() == null
                    ? SecurityGroupRuleRequest.builder().build() : update.securityGroupRule();
            replacements.add(new RuleReplacement(update.securityGroupRuleId(), rule.ipProtocol(), rule.fromPort(),
                    rule.toPort(), rule.cidrIpv4(), rule.cidrIpv6(), rule.prefixListId(), rule.referencedGroupId(),
                    rule.description()));
        }
        rules.modify(context, request.groupId(), replacements);
        return ModifySecurityGroupRulesResponse.builder().returnValue(true).build();
    }

    private static List<Permission> permissions(Direction direction, List<IpPermission> permissions, String protocol,
                                                Integer fromPort, Integer toPort, String cidrIp,
                                                String sourceGroupName, String sourceGroupOwnerId) {
        List<Permission> all = new ArrayList<>(SecurityGroupShapes.fromSdk(permissions));
        all.addAll(Permission.ofTopLevelParameters(direction, protocol, fromPort, toPort, cidrIp, sourceGroupName,
                sourceGroupOwnerId));
        return all;
    }

    private static List<software.amazon.awssdk.services.ec2.model.SecurityGroupRule> shapes(List<GroupRule> rules,
                                                                                          RequestContext context) {
        return rules.stream().map(rule -> SecurityGroupShapes.rule(rule, context.region())).toList();
    }

    /** The permissions a Revoke did not find, or null so that the response carries no empty set. */
    private static List<IpPermission> unknown(Revocation revocation) {
        return revocation.unknown().isEmpty() ? null : SecurityGroupShapes.permissions(revocation.unknown());
    }

    private static Map<String, String> descriptions(List<SecurityGroupRuleDescription> descriptions) {
        Map<String, String> byId = new LinkedHashMap<>();
        descriptions.forEach(entry -> byId.put(entry.securityGroupRuleId(), entry.description()));
        return byId;
    }
}
