package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.List;
import java.util.Optional;

/**
 * CreateVpc, DeleteVpc, DescribeVpcs and Describe/ModifyVpcAttribute. A VPC's block
 * is /16 to /28; a region holds at most {@value #MAX_VPCS} VPCs per account, the default one included.
 * Deleting a VPC takes its main route table, default ACL and default security group with it, and is
 * refused while anything else (subnets, gateways, other tables, ACLs or groups) still lives in it.
 */
public final class VpcService {
    static final int MAX_VPCS = 5;
    private static final int WIDEST = 16;
    private static final int NARROWEST = 28;

    private static final FilterSet<Vpc> FILTERS = FilterSet.<Vpc>builder()
            .single("cidr", Vpc::cidrBlock)
            .single("cidr-block-association.cidr-block", Vpc::cidrBlock)
            .single("cidr-block-association.association-id", Vpc::cidrAssociationId)
            .single("cidr-block-association.state", vpc -> "associated")
            .single("dhcp-options-id", Vpc::dhcpOptionsId)
            .single("is-default", Vpc::isDefault)
            .absent("ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.ipv6-pool",
                    "ipv6-cidr-block-association.association-id", "ipv6-cidr-block-association.state")
            .single("owner-id", Vpc::ownerId)
            .single("state", vpc -> "available")
            .single("vpc-id", Vpc::id)
            .tags(Vpc::tags)
            .build();

    private final Store store;
    private final DefaultVpcs defaults;
    final Records<Vpc> vpcs;

    public VpcService(Store store, DefaultVpcs defaults) {
        this.store = store;
        this.defaults = defaults;
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
    }

    public Vpc create(RequestContext context, String cidrBlock, String tenancy, List<Tag> tags) {
        defaults.ensure(context);
        if (cidrBlock == null || cidrBlock.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
        }
        Ipv4Cidr cidr = Ipv4Cidr.parse(cidrBlock, "cidrBlock");
        if (cidr.prefixLength() < WIDEST || cidr.prefixLength() > NARROWEST) {
            throw Ec2Error.INVALID_VPC_RANGE.exception("The CIDR '" + cidrBlock + "' is invalid.");
        }
        if (tenancy != null && !List.of("default", "dedicated").contains(tenancy)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + tenancy
                    + ") for parameter instanceTenancy is invalid.");
        }
        TagRules.validate(tags);
        String dhcp = defaults.dhcpOptions(context);
        if (vpcs.all(context).size() >= MAX_VPCS) {
            throw Ec2Error.VPC_LIMIT_EXCEEDED.exception("The maximum number of VPCs has been reached.");
        }
        NewVpc created = NewVpc.create(context, cidr, false, dhcp, tenancy == null ? "default" : tenancy,
                TagRules.merge(List.of(), tags));
        Writes.commit(store, context, created.addTo(new WriteBatch()));
        return created.vpc();
    }

    public void delete(RequestContext context, String vpcId) {
        defaults.ensure(context);
        Versioned<Vpc> found = vpcs.require(context, vpcId);
        Vpc vpc = found.value();
        if (hasDependents(context, vpc)) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The vpc '" + vpcId + "' has dependencies and cannot be deleted.");
        }
        WriteBatch batch = new WriteBatch()
                .delete(NetworkRecords.VPCS, found.key(), found.version())
                .delete(NetworkRecords.ROUTE_TABLES, NetworkWrites.key(context, vpc.mainRouteTableId()), WriteBatch.ANY)
                .delete(NetworkRecords.NETWORK_ACLS, NetworkWrites.key(context, vpc.defaultNetworkAclId()), WriteBatch.ANY)
                .delete(NetworkRecords.SECURITY_GROUPS, NetworkWrites.key(context, vpc.defaultSecurityGroupId()), WriteBatch.ANY)
                .delete(NetworkRecords.SECURITY_GROUP_NAMES, NetworkWrites.key(context, vpc.id() + "/" + SecurityGroup.DEFAULT_NAME),
                        WriteBatch.ANY);
        if (vpc.isDefault()) {
            defaults.forget(context, batch);
        }
        Writes.commit(store, context, batch);
    }

    public List<Vpc> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return vpcs.describe(context, ids, FILTERS.compile(filters));
    }

    public Vpc require(RequestContext context, String vpcId) {
        defaults.ensure(context);
        return vpcs.require(context, vpcId).value();
    }

    /** The VPC's DNS attributes: {@code enableDnsSupport} or {@code enableDnsHostnames}. */
    public boolean attribute(RequestContext context, String vpcId, String attribute) {
        Vpc vpc = require(context, vpcId);
        return switch (attribute == null ? "" : attribute) {
            case "enableDnsSupport" -> vpc.enableDnsSupport();
            case "enableDnsHostnames" -> vpc.enableDnsHostnames();
            case "enableNetworkAddressUsageMetrics" -> false;
            default -> throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + attribute
                    + ") for parameter attribute is invalid. Unknown attribute.");
        };
    }

    /** ModifyVpcAttribute: exactly one of the two DNS attributes per call, as EC2 requires. */
    public void modifyDns(RequestContext context, String vpcId, Boolean support, Boolean hostnames) {
        if ((support == null) == (hostnames == null)) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(support == null
                    ? "No attributes specified."
                    : "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames");
        }
        defaults.ensure(context);
        Versioned<Vpc> found = vpcs.require(context, vpcId);
        Vpc vpc = found.value();
        Vpc modified = vpc.withDns(support == null ? vpc.enableDnsSupport() : support,
                hostnames == null ? vpc.enableDnsHostnames() : hostnames);
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.VPCS, found.key(), found.version(), modified));
    }

    /** The default VPC's id, as DescribeAccountAttributes' default-vpc shows it ("none" once deleted). */
    public Optional<String> defaultVpcId(RequestContext context) {
        return defaults.find(context).map(Vpc::id);
    }

    /** CreateDefaultVpc. */
    public Vpc createDefault(RequestContext context) {
        return defaults.recreate(context);
    }

    private boolean hasDependents(RequestContext context, Vpc vpc) {
        String id = vpc.id();
        return !store.list(NetworkRecords.SUBNETS, context.account(), context.region()).stream()
                        .filter(subnet -> subnet.value().vpcId().equals(id)).toList().isEmpty()
                || store.list(NetworkRecords.INTERNET_GATEWAYS, context.account(), context.region()).stream()
                        .anyMatch(gateway -> id.equals(gateway.value().attachedVpcId()))
                || store.list(NetworkRecords.ROUTE_TABLES, context.account(), context.region()).stream()
                        .anyMatch(table -> table.value().vpcId().equals(id)
                                && !table.value().id().equals(vpc.mainRouteTableId()))
                || store.list(NetworkRecords.NETWORK_ACLS, context.account(), context.region()).stream()
                        .anyMatch(acl -> acl.value().vpcId().equals(id) && !acl.value().id().equals(vpc.defaultNetworkAclId()))
                || store.list(NetworkRecords.SECURITY_GROUPS, context.account(), context.region()).stream()
                        .anyMatch(group -> group.value().vpcId().equals(id)
                                && !group.value().id().equals(vpc.defaultSecurityGroupId()));
    }

}
