package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.network.NetworkAcl;
import dev.gureum.core.network.NetworkAclEntry;
import dev.gureum.core.network.NetworkAclService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryResponse;

/** Network ACLs: create, delete, describe, entries and subnet associations. */
final class NetworkAclHandlers {
    private final NetworkAclService acls;

    NetworkAclHandlers(NetworkAclService acls) {
        this.acls = acls;
    }

    void registerInto(OperationTable table) {
        table.register(CreateNetworkAclRequest.class, this::create);
        table.register(DeleteNetworkAclRequest.class, this::delete);
        table.register(DescribeNetworkAclsRequest.class, this::describe);
        table.register(CreateNetworkAclEntryRequest.class, this::createEntry);
        table.register(ReplaceNetworkAclEntryRequest.class, this::replaceEntry);
        table.register(DeleteNetworkAclEntryRequest.class, this::deleteEntry);
        table.register(ReplaceNetworkAclAssociationRequest.class, this::replaceAssociation);
    }

    CreateNetworkAclResponse create(CreateNetworkAclRequest request, RequestContext context) {
        NetworkAcl acl = acls.create(context, request.vpcId(), Tags.forCreation(request.tagSpecifications(), "network-acl"),
                request.clientToken());
        return CreateNetworkAclResponse.builder().networkAcl(NetworkShapes.networkAcl(acl)).build();
    }

    DeleteNetworkAclResponse delete(DeleteNetworkAclRequest request, RequestContext context) {
        acls.delete(context, request.networkAclId());
        return DeleteNetworkAclResponse.builder().build();
    }

    DescribeNetworkAclsResponse describe(DescribeNetworkAclsRequest request, RequestContext context) {
        Page<NetworkAcl> page = Pages.page("DescribeNetworkAcls",
                acls.describe(context, request.networkAclIds(), Filters.of(request.filters())),
                NetworkAcl::id, request.maxResults(), request.nextToken(), VpcHandlers.MINIMUM_RESULTS,
                VpcHandlers.MAXIMUM_RESULTS);
        return DescribeNetworkAclsResponse.builder()
                .networkAcls(page.items().stream().map(NetworkShapes::networkAcl).toList())
                .nextToken(page.nextToken())
                .build();
    }

    CreateNetworkAclEntryResponse createEntry(CreateNetworkAclEntryRequest request, RequestContext context) {
        acls.putEntry(context, request.networkAclId(), entry(request.ruleNumber(), request.egress(), request.protocol(),
                request.ruleActionAsString(), request.cidrBlock(), request.ipv6CidrBlock(), request.portRange(),
                request.icmpTypeCode()), false);
        return CreateNetworkAclEntryResponse.builder().build();
    }

    ReplaceNetworkAclEntryResponse replaceEntry(ReplaceNetworkAclEntryRequest request, RequestContext context) {
        acls.putEntry(context, request.networkAclId(), entry(request.ruleNumber(), request.egress(), request.protocol(),
                request.ruleActionAsString(), request.cidrBlock(), request.ipv6CidrBlock(), request.portRange(),
                request.icmpTypeCode()), true);
        return ReplaceNetworkAclEntryResponse.builder().build();
    }

    DeleteNetworkAclEntryResponse deleteEntry(DeleteNetworkAclEntryRequest request, RequestContext context) {
        acls.deleteEntry(context, request.networkAclId(), request.ruleNumber(), Boolean.TRUE.equals(request.egress()));
        return DeleteNetworkAclEntryResponse.builder().build();
    }

    ReplaceNetworkAclAssociationResponse replaceAssociation(ReplaceNetworkAclAssociationRequest request,
                                                            RequestContext context) {
        return ReplaceNetworkAclAssociationResponse.builder()
                .newAssociationId(acls.replaceAssociation(context, request.associationId(), request.networkAclId()))
                .build();
    }

    private static NetworkAclEntry entry(Integer ruleNumber, Boolean egress, String protocol, String action,
                                         String cidr, String ipv6Cidr, PortRange ports, IcmpTypeCode icmp) {
        if (ruleNumber == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter ruleNumber");
        }
        if (!"allow".equals(action) && !"deny".equals(action)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + action
                    + ") for parameter ruleAction is invalid. Expected allow or deny.");
        }
        String number = NetworkAclService.protocolNumber(protocol);
        boolean ported = number.equals("6") || number.equals("17");
        boolean icmpProtocol = number.equals("1");
        return new NetworkAclEntry(ruleNumber, Boolean.TRUE.equals(egress), number, cidr, ipv6Cidr, "allow".equals(action),
                ported && ports != null ? ports.from() : null, ported && ports != null ? ports.to() : null,
                icmpProtocol && icmp != null ? icmp.type() : null, icmpProtocol && icmp != null ? icmp.code() : null);
    }
}
