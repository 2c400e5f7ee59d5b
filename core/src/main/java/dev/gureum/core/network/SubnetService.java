package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * CreateSubnet, DeleteSubnet, DescribeSubnets and ModifySubnetAttribute. A subnet's block is /16 to /28,
 * inside its VPC's block and overlapping no other subnet of the VPC; it joins the VPC's default network
 * ACL. A subnet holding network interfaces cannot be deleted.
 */
public final class SubnetService {
    static final int MAX_SUBNETS_PER_VPC = 200;
    private static final int WIDEST = 16;
    private static final int NARROWEST = 28;

    private static final FilterSet<Subnet> FILTERS = FilterSet.<Subnet>builder()
            .single("availability-zone", Subnet::availabilityZone)
            .single("availability-zone-id", Subnet::availabilityZoneId)
            .single("availabilityZone", Subnet::availabilityZone)
            .single("available-ip-address-count", Subnet::availableAddressCount)
            .single("cidr", Subnet::cidrBlock)
            .single("cidr-block", Subnet::cidrBlock)
            .single("cidrBlock", Subnet::cidrBlock)
            .single("default-for-az", Subnet::defaultForAz)
            .single("defaultForAz", Subnet::defaultForAz)
            .single("map-public-ip-on-launch", Subnet::mapPublicIpOnLaunch)
            .single("owner-id", Subnet::ownerId)
            .fixed("state", "available")
            .single("subnet-arn", SubnetService::arn)
            .single("subnet-id", Subnet::id)
            .single("vpc-id", Subnet::vpcId)
            .fixed("enable-dns64", "false")
            .fixed("ipv6-native", "false")
            .fixed("map-customer-owned-ip-on-launch", "false")
            .fixed("private-dns-name-options-on-launch.hostname-type", "ip-name")
            .fixed("private-dns-name-options-on-launch.enable-resource-name-dns-a-record", "false")
            .fixed("private-dns-name-options-on-launch.enable-resource-name-dns-aaaa-record", "false")
            .absent("customer-owned-ipv4-pool", "outpost-arn", "enable-lni-at-device-index",
                    "ipv6-cidr-block-association.ipv6-cidr-block", "ipv6-cidr-block-association.association-id",
                    "ipv6-cidr-block-association.state")
            .tags(Subnet::tags)
            .build();

    private final Store store;
    private final RegionCatalog regions;
    private final DefaultVpcs defaults;
    private final Records<Subnet> subnets;
    private final Records<Vpc> vpcs;

    public SubnetService(Store store, RegionCatalog regions, DefaultVpcs defaults) {
        this.store = store;
        this.regions = regions;
        this.defaults = defaults;
        this.subnets = new Records<>(store, NetworkRecords.SUBNETS, IdKind.SUBNET, Subnet::id);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
    }

    public static String arn(Subnet subnet) {
        return "arn:aws:ec2:" + subnet.region() + ":" + subnet.ownerId() + ":subnet/" + subnet.id();
    }

    public Subnet create(RequestContext context, String vpcId, String cidrBlock, String zoneName, String zoneId,
                         List<Tag> tags) {
        defaults.ensure(context);
        if (cidrBlock == null || cidrBlock.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
        }
        Vpc vpc = vpcs.require(context, vpcId).value();
        Ipv4Cidr cidr = Ipv4Cidr.parse(cidrBlock, "cidrBlock");
        if (cidr.prefixLength() < WIDEST || cidr.prefixLength() > NARROWEST || !vpc.cidr().contains(cidr)) {
            throw Ec2Error.INVALID_SUBNET_RANGE.exception("The CIDR '" + cidrBlock + "' is invalid.");
        }
        Zone zone = zone(context, zoneName, zoneId);
        TagRules.validate(tags);
        List<Subnet> siblings = subnets.where(context, subnet -> subnet.vpcId().equals(vpc.id()));
        if (siblings.stream().anyMatch(subnet -> subnet.cidr().overlaps(cidr))) {
            throw Ec2Error.INVALID_SUBNET_CONFLICT.exception("The CIDR '" + cidrBlock + "' conflicts with another subnet");
        }
        if (siblings.size() >= MAX_SUBNETS_PER_VPC) {
            throw Ec2Error.SUBNET_LIMIT_EXCEEDED.exception("The maximum number of subnets has been reached.");
        }
        Subnet subnet = new Subnet(ResourceIds.next(IdKind.SUBNET), context.account(), context.region(), vpc.id(),
                cidr.toString(), zone.name(), zone.id(), false, false, null, TagRules.merge(List.of(), tags));
        Versioned<NetworkAcl> acl = store.get(NetworkRecords.NETWORK_ACLS, NetworkWrites.key(context, vpc.defaultNetworkAclId()))
                .orElseThrow();
        WriteBatch batch = new WriteBatch()
                .put(NetworkRecords.SUBNETS, NetworkWrites.key(context, subnet.id()), WriteBatch.ABSENT, subnet)
                .put(NetworkRecords.NETWORK_ACLS, acl.key(), acl.version(), acl.value().withAssociation(
                        new NetworkAcl.Association(ResourceIds.next(IdKind.NETWORK_ACL_ASSOCIATION), subnet.id())));
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException aclChangedMeanwhile) {
            return create(context, vpcId, cidrBlock, zoneName, zoneId, tags);
        }
        return subnet;
    }

    /** Deletes a subnet that holds no network interface; its ACL and route table associations go with it. */
    public void delete(RequestContext context, String subnetId, boolean hasInterfaces) {
        defaults.ensure(context);
        Versioned<Subnet> found = subnets.require(context, subnetId);
        if (hasInterfaces) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The subnet '" + subnetId
                    + "' has dependencies and cannot be deleted.");
        }
        WriteBatch batch = new WriteBatch().delete(NetworkRecords.SUBNETS, found.key(), found.version());
        for (Versioned<NetworkAcl> acl : store.list(NetworkRecords.NETWORK_ACLS, context.account(), context.region())) {
            if (acl.value().associations().stream().anyMatch(association -> association.subnetId().equals(subnetId))) {
                batch.put(NetworkRecords.NETWORK_ACLS, acl.key(), acl.version(), acl.value().withoutSubnet(subnetId));
            }
        }
        for (Versioned<RouteTable> table : store.list(NetworkRecords.ROUTE_TABLES, context.account(), context.region())) {
            for (RouteTableAssociation association : table.value().associations()) {
                if (subnetId.equals(association.subnetId())) {
                    batch.put(NetworkRecords.ROUTE_TABLES, table.key(), table.version(),
                            table.value().withoutAssociation(association.id()));
                }
            }
        }
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException changedMeanwhile) {
            delete(context, subnetId, hasInterfaces);
        }
    }

    public List<Subnet> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return subnets.describe(context, ids, FILTERS.compile(filters));
    }

    public Subnet require(RequestContext context, String subnetId) {
        defaults.ensure(context);
        return subnets.require(context, subnetId).value();
    }

    /** The default subnet of a zone of the default VPC, if both exist. */
    public Optional<Subnet> defaultFor(RequestContext context, String zoneName) {
        return defaults.find(context).flatMap(vpc -> subnets.all(context).stream()
                .filter(subnet -> subnet.vpcId().equals(vpc.id()) && subnet.defaultForAz()
                        && subnet.availabilityZone().equals(zoneName))
                .findFirst());
    }

    /** ModifySubnetAttribute's MapPublicIpOnLaunch (the only attribute Gureum's subnets have to change). */
    public void modifyMapPublicIpOnLaunch(RequestContext context, String subnetId, Boolean map) {
        if (map == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter MapPublicIpOnLaunch");
        }
        defaults.ensure(context);
        for (int attempt = 0; ; attempt++) {
            Versioned<Subnet> found = subnets.require(context, subnetId);
            try {
                Writes.commit(store, context, new WriteBatch().put(NetworkRecords.SUBNETS, found.key(), found.version(),
                        found.value().withMapPublicIpOnLaunch(map)));
                return;
            } catch (VersionConflictException addressesTakenMeanwhile) {
                if (attempt == 4) {
                    throw addressesTakenMeanwhile;
                }
            }
        }
    }

    private Zone zone(RequestContext context, String zoneName, String zoneId) {
        Region region = regions.find(context.region()).orElseThrow();
        List<Zone> zones = region.availabilityZones();
        if (zoneName == null && zoneId == null) {
            return zones.stream().min(Comparator.comparing(Zone::name)).orElseThrow();
        }
        return region.availabilityZone(zoneName, zoneId)
                .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("Value ("
                        + (zoneName != null ? zoneName : zoneId) + ") for parameter availabilityZone is invalid. "
                        + "Subnets can currently only be created in the following availability zones: "
                        + zones.stream().map(Zone::name).collect(Collectors.joining(", ")) + "."));
    }

}
