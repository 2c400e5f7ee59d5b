package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every account has a default VPC in every region, as in EC2: 172.31.0.0/16 with a /20 default subnet per
 * availability zone (172.31.0.0/20, 172.31.16.0/20, … in zone order) that gives instances public
 * addresses, an attached internet gateway that the main route table sends 0.0.0.0/0 to, the default
 * network ACL guarding every default subnet, a default security group and the region's DHCP options.
 * It is written, all in one batch, the first time anything in the account and region needs the network,
 * which to a caller is indistinguishable from its having been there from the start. A user may delete
 * it; it then stays gone until CreateDefaultVpc.
 */
public final class DefaultVpcs {
    public static final Ipv4Cidr CIDR = Ipv4Cidr.parseOrNull("172.31.0.0/16");
    static final String MARKER = "default";
    private static final int SUBNET_PREFIX = 20;

    private final Store store;
    private final RegionCatalog regions;

    public DefaultVpcs(Store store, RegionCatalog regions) {
        this.store = store;
        this.regions = regions;
    }

    /** Makes the default network of the request's account and region if it was never made. */
    public void ensure(RequestContext context) {
        RecordKey marker = marker(context);
        for (int attempt = 0; attempt < 3 && store.get(NetworkRecords.DEFAULT_NETWORK, marker).isEmpty(); attempt++) {
            String dhcp = ResourceIds.next(IdKind.DHCP_OPTIONS);
            WriteBatch batch = newDefaultVpc(context, dhcp);
            batch.put(NetworkRecords.DEFAULT_NETWORK, marker, WriteBatch.ABSENT,
                            new NetworkRecords.DefaultNetwork(batchVpc(batch).id(), dhcp))
                    .put(NetworkRecords.DHCP_OPTIONS, NetworkWrites.key(context, dhcp), WriteBatch.ABSENT, new DhcpOptions(dhcp,
                            context.account(), context.region(), regionDhcpConfiguration(context.region()), List.of()));
            try {
                store.apply(batch);
            } catch (VersionConflictException madeMeanwhile) {
                // another request made it first
            }
        }
    }

    /** The default VPC, unless the user deleted it. */
    public Optional<Vpc> find(RequestContext context) {
        ensure(context);
        return store.get(NetworkRecords.DEFAULT_NETWORK, marker(context))
                .flatMap(network -> Optional.ofNullable(network.value().vpcId()))
                .flatMap(vpcId -> store.get(NetworkRecords.VPCS, NetworkWrites.key(context, vpcId))).map(Versioned::value);
    }

    /** The default VPC, for a request that names no VPC; {@code VPCIdNotSpecified} once the user deleted it. */
    public Vpc require(RequestContext context) {
        return find(context).orElseThrow(() -> Ec2Error.VPC_ID_NOT_SPECIFIED.exception("No default VPC for this user"));
    }

    /** The region's default DHCP options, which new VPCs use. */
    public String dhcpOptions(RequestContext context) {
        ensure(context);
        return store.get(NetworkRecords.DEFAULT_NETWORK, marker(context)).orElseThrow().value().dhcpOptionsId();
    }

    /** CreateDefaultVpc: a new default VPC after the user deleted the old one. */
    public Vpc recreate(RequestContext context) {
        ensure(context);
        Versioned<NetworkRecords.DefaultNetwork> network =
                store.get(NetworkRecords.DEFAULT_NETWORK, marker(context)).orElseThrow();
        if (network.value().vpcId() != null) {
            throw Ec2Error.DEFAULT_VPC_ALREADY_EXISTS.exception("A Default VPC already exists for this account in this"
                    + " region.");
        }
        WriteBatch batch = newDefaultVpc(context, network.value().dhcpOptionsId());
        Vpc vpc = batchVpc(batch);
        Writes.commit(store, context, batch.put(NetworkRecords.DEFAULT_NETWORK, marker(context), network.version(),
                new NetworkRecords.DefaultNetwork(vpc.id(), network.value().dhcpOptionsId())));
        return vpc;
    }

    /** Records that the user deleted the default VPC (into the caller's batch). */
    WriteBatch forget(RequestContext context, WriteBatch batch) {
        return batch.put(NetworkRecords.DEFAULT_NETWORK, marker(context), WriteBatch.ANY,
                new NetworkRecords.DefaultNetwork(null, dhcpOptions(context)));
    }

    private WriteBatch newDefaultVpc(RequestContext context, String dhcpOptionsId) {
        String account = context.account();
        String region = context.region();
        NewVpc created = NewVpc.create(context, CIDR, true, dhcpOptionsId, "default", List.of());
        Vpc vpc = created.vpc();
        InternetGateway gateway = new InternetGateway(ResourceIds.next(IdKind.INTERNET_GATEWAY), account, region,
                vpc.id(), List.of());
        List<Subnet> subnets = new ArrayList<>();
        Region described = regions.find(region).orElseThrow();
        int index = 0;
        for (Zone zone : described.availabilityZones()) {
            subnets.add(new Subnet(ResourceIds.next(IdKind.SUBNET), account, region, vpc.id(),
                    CIDR.subBlock(SUBNET_PREFIX, index++).toString(), zone.name(), zone.id(), true, true, null,
                    List.of()));
        }
        RouteTable main = created.mainRouteTable().withRoutes(List.of(Route.local(CIDR.toString()),
                Route.toGateway("0.0.0.0/0", gateway.id())));
        NetworkAcl acl = created.defaultAcl();
        for (Subnet subnet : subnets) {
            acl = acl.withAssociation(new NetworkAcl.Association(ResourceIds.next(IdKind.NETWORK_ACL_ASSOCIATION),
                    subnet.id()));
        }
        WriteBatch batch = new NewVpc(vpc, main, acl, created.defaultGroup()).addTo(new WriteBatch())
                .put(NetworkRecords.INTERNET_GATEWAYS, NetworkWrites.key(context, gateway.id()), WriteBatch.ABSENT, gateway);
        for (Subnet subnet : subnets) {
            batch.put(NetworkRecords.SUBNETS, NetworkWrites.key(context, subnet.id()), WriteBatch.ABSENT, subnet);
        }
        return batch;
    }

    private static Vpc batchVpc(WriteBatch batch) {
        return batch.writes().stream().filter(write -> write.kind().equals(NetworkRecords.VPCS))
                .map(write -> (Vpc) write.value()).findFirst().orElseThrow();
    }

    /** What EC2's DHCP options give instances of the region: its internal domain and Amazon's resolver. */
    static Map<String, List<String>> regionDhcpConfiguration(String region) {
        Map<String, List<String>> configuration = new LinkedHashMap<>();
        configuration.put("domain-name", List.of(NetworkNames.internalDomain(region)));
        configuration.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        return configuration;
    }

    private static RecordKey marker(RequestContext context) {
        return NetworkWrites.key(context, MARKER);
    }

}
