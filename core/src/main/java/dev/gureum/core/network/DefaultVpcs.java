package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.WriteBatch;
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
 * which to a caller is indistinguishable from its having been there from the start.
 */
public final class DefaultVpcs {
    public static final Ipv4Cidr CIDR = Ipv4Cidr.parseOrNull("172.31.0.0/16");
    private static final int SUBNET_PREFIX = 20;
    private static final String MARKER = "default";

    private final Store store;
    private final RegionCatalog regions;

    public DefaultVpcs(Store store, RegionCatalog regions) {
        this.store = store;
        this.regions = regions;
    }

    /** The account's default VPC in the request's region, made now if it was never made. */
    public Vpc ensure(RequestContext context) {
        RecordKey marker = new RecordKey(context.account(), context.region(), MARKER);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Vpc> existing = find(marker);
            if (existing.isPresent()) {
                return existing.get();
            }
            try {
                return create(context, marker);
            } catch (VersionConflictException madeMeanwhile) {
                // another request made it first; read theirs
            }
        }
        return find(marker).orElseThrow(() -> new IllegalStateException("the default VPC could not be made"));
    }

    private Optional<Vpc> find(RecordKey marker) {
        return store.get(NetworkRecords.DEFAULT_VPC, marker).flatMap(claim -> store.get(NetworkRecords.VPCS,
                new RecordKey(marker.account(), marker.region(), claim.value().holderId()))).map(v -> v.value());
    }

    /** Written directly, even in a dry run: the default VPC is not the request's doing. */
    private Vpc create(RequestContext context, RecordKey marker) {
        String account = context.account();
        String region = context.region();
        DhcpOptions dhcp = new DhcpOptions(ResourceIds.next(IdKind.DHCP_OPTIONS), account, region,
                regionDhcpConfiguration(region), List.of());
        NewVpc created = NewVpc.create(context, CIDR, true, dhcp.id(), "default", List.of());
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
                .put(NetworkRecords.DEFAULT_VPC, marker, WriteBatch.ABSENT, new NetworkRecords.NameClaim(vpc.id()))
                .put(NetworkRecords.DHCP_OPTIONS, key(context, dhcp.id()), WriteBatch.ABSENT, dhcp)
                .put(NetworkRecords.INTERNET_GATEWAYS, key(context, gateway.id()), WriteBatch.ABSENT, gateway);
        for (Subnet subnet : subnets) {
            batch.put(NetworkRecords.SUBNETS, key(context, subnet.id()), WriteBatch.ABSENT, subnet);
        }
        store.apply(batch);
        return vpc;
    }

    /** What EC2's DHCP options give instances of the region: its internal domain and Amazon's resolver. */
    static Map<String, List<String>> regionDhcpConfiguration(String region) {
        Map<String, List<String>> configuration = new LinkedHashMap<>();
        configuration.put("domain-name", List.of(NetworkNames.internalDomain(region)));
        configuration.put("domain-name-servers", List.of("AmazonProvidedDNS"));
        return configuration;
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }
}
