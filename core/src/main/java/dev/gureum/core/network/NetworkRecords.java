package dev.gureum.core.network;

import dev.gureum.core.store.RecordKind;
import dev.gureum.core.usage.OpenUsage;

/** Where the network's records live in the store. The names are persisted: never change them. */
public final class NetworkRecords {
    public static final RecordKind<Vpc> VPCS = RecordKind.of("vpc", Vpc.class);
    public static final RecordKind<Subnet> SUBNETS = RecordKind.of("subnet", Subnet.class);
    public static final RecordKind<InternetGateway> INTERNET_GATEWAYS =
            RecordKind.of("internet-gateway", InternetGateway.class);
    public static final RecordKind<RouteTable> ROUTE_TABLES = RecordKind.of("route-table", RouteTable.class);
    public static final RecordKind<NetworkAcl> NETWORK_ACLS = RecordKind.of("network-acl", NetworkAcl.class);
    public static final RecordKind<DhcpOptions> DHCP_OPTIONS = RecordKind.of("dhcp-options", DhcpOptions.class);
    public static final RecordKind<SecurityGroup> SECURITY_GROUPS = RecordKind.of("security-group", SecurityGroup.class);
    /**
     * Claims a group name within a VPC (id {@code <vpc-id>/<name>}, the name in lower case since EC2's group
     * names are unique regardless of case), so two creates cannot both take it.
     */
    public static final RecordKind<NameClaim> SECURITY_GROUP_NAMES = RecordKind.of("security-group-name", NameClaim.class);
    public static final RecordKind<NetworkInterface> NETWORK_INTERFACES =
            RecordKind.of("network-interface", NetworkInterface.class);
    public static final RecordKind<ElasticAddress> ELASTIC_ADDRESSES = RecordKind.of("elastic-ip", ElasticAddress.class);
    /**
     * Claims a public address of a region's pool for its holder (an interface or an Elastic IP allocation),
     * across accounts: account {@value #EVERY_ACCOUNT}, id the address.
     */
    public static final RecordKind<AddressClaim> PUBLIC_ADDRESSES = RecordKind.of("public-ip", AddressClaim.class);
    public static final String EVERY_ACCOUNT = "*";

    /** The default network of an account and region (id {@code default}), written with everything it comes with. */
    public static final RecordKind<DefaultNetwork> DEFAULT_NETWORK = RecordKind.of("default-network", DefaultNetwork.class);

    /** Who holds a unique name: the id of the resource that has it. */
    public record NameClaim(String holderId) {
    }

    /**
     * Who holds a public address: the holder (an interface or an Elastic IP allocation) of {@code account}, the
     * address in use (on an interface) or idle, and the stretch of holding it being metered since it was claimed
     * or went into or out of use (null when nothing is metered).
     */
    public record AddressClaim(String holderId, String account, boolean inUse, OpenUsage usage) {
        public AddressClaim with(boolean nowInUse, OpenUsage newUsage) {
            return new AddressClaim(holderId, account, nowInUse, newUsage);
        }
    }

    /**
     * The account's default VPC in a region ({@code vpcId} null once the user deleted it, until
     * CreateDefaultVpc) and the region's default DHCP options, which every new VPC uses.
     */
    public record DefaultNetwork(String vpcId, String dhcpOptionsId) {
    }

    private NetworkRecords() {
    }
}
