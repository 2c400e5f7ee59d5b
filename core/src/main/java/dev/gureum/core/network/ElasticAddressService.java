package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Elastic IPs: AllocateAddress, AssociateAddress, DisassociateAddress, ReleaseAddress and DescribeAddresses.
 * An Elastic IP replaces the pool address of the interface it is associated with and stays through stops
 * and starts; disassociated from a running instance that maps public addresses, the instance draws a new
 * pool address, as in EC2. Associating needs an internet gateway on the interface's VPC.
 */
public final class ElasticAddressService {
    static final int MAX_ADDRESSES = 5;

    private final Store store;
    private final DefaultVpcs defaults;
    private final PublicAddressPool pool;
    private final NetworkInterfaceService interfaces;
    private final InternetGatewayService gateways;
    private final Records<ElasticAddress> addresses;
    private final BiPredicate<RequestContext, String> instanceRuns;

    /**
     * @param instanceRuns whether an instance of the caller's account and region runs (pending or running): an
     *                     Elastic IP is in use only on a running instance's interface, idle otherwise
     */
    public ElasticAddressService(Store store, DefaultVpcs defaults, PublicAddressPool pool,
                                 NetworkInterfaceService interfaces, InternetGatewayService gateways,
                                 BiPredicate<RequestContext, String> instanceRuns) {
        this.instanceRuns = instanceRuns;
        this.store = store;
        this.defaults = defaults;
        this.pool = pool;
        this.interfaces = interfaces;
        this.gateways = gateways;
        this.addresses = new Records<>(store, NetworkRecords.ELASTIC_ADDRESSES, IdKind.ELASTIC_IP_ALLOCATION,
                ElasticAddress::allocationId);
    }

    public ElasticAddress allocate(RequestContext context, String domain, List<Tag> tags) {
        defaults.ensure(context);
        if (domain != null && !domain.equals("vpc")) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + domain
                    + ") for parameter domain is invalid. Only 'vpc' addresses exist since EC2-Classic retired.");
        }
        TagRules.validate(tags);
        if (addresses.all(context).size() >= MAX_ADDRESSES) {
            throw Ec2Error.ADDRESS_LIMIT_EXCEEDED.exception("The maximum number of addresses has been reached.");
        }
        String allocationId = ResourceIds.next(IdKind.ELASTIC_IP_ALLOCATION);
        WriteBatch batch = new WriteBatch();
        String publicIp = pool.claim(batch, context.account(), context.region(), List.of(allocationId), false,
                context.now()).get(0);
        ElasticAddress address = new ElasticAddress(allocationId, context.account(), context.region(), publicIp, null,
                null, null, TagRules.merge(List.of(), tags));
        Writes.commit(store, context, batch.put(NetworkRecords.ELASTIC_ADDRESSES, addresses.key(context, allocationId),
                WriteBatch.ABSENT, address));
        return address;
    }

    /**
     * AssociateAddress with an instance's primary interface or a named interface; answers the association id. An
     * address already associated elsewhere, or an interface already holding another Elastic IP, is reassociated
     * unless {@code allowReassociation} is false (AWS: "In a VPC in an EC2-VPC-only account, reassociation is
     * automatic"); asking for the association the address already has changes nothing and answers its id.
     */
    public String associate(RequestContext context, String allocationId, String publicIp, String instanceId,
                            String interfaceId, String privateIp, boolean allowReassociation) {
        defaults.ensure(context);
        Versioned<ElasticAddress> found = resolve(context, allocationId, publicIp);
        ElasticAddress address = found.value();
        String targetInterface = interfaceId;
        if (targetInterface == null) {
            if (instanceId == null) {
                throw Ec2Error.MISSING_PARAMETER.exception("Either an instance ID or a network interface ID must be"
                        + " specified");
            }
            targetInterface = interfaces.instance(context, instanceId).primaryInterfaceId();
        }
        Versioned<NetworkInterface> eni = interfaces.require(context, targetInterface);
        if (gateways.attachedTo(context, eni.value().vpcId()).isEmpty()) {
            throw Ec2Error.GATEWAY_NOT_ATTACHED.exception("Network " + eni.value().vpcId()
                    + " is not attached to any internet gateway");
        }
        if (privateIp != null && eni.value().privateAddresses().stream().noneMatch(a -> a.address().equals(privateIp))) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The address " + privateIp + " is not assigned to "
                    + targetInterface);
        }
        String boundPrivateIp = privateIp != null ? privateIp : eni.value().primaryPrivateAddress();
        if (address.isAssociated() && eni.value().id().equals(address.networkInterfaceId())
                && boundPrivateIp.equals(address.privateIpAddress())) {
            return address.associationId();
        }
        if (address.isAssociated() && !allowReassociation) {
            throw Ec2Error.RESOURCE_ALREADY_ASSOCIATED.exception("resource " + address.allocationId()
                    + " is already associated with associate-id " + address.associationId());
        }
        WriteBatch batch = new WriteBatch();
        if (address.isAssociated() && !address.networkInterfaceId().equals(eni.value().id())) {
            interfaces.find(context, address.networkInterfaceId()).map(previous -> interfaces.require(context, previous.id()))
                    .ifPresent(previous -> leaveWithoutElasticIp(context, batch, previous));
        }
        NetworkInterface.PublicAddress current = eni.value().publicAddress();
        if (current != null && current.isElastic() && !current.allocationId().equals(address.allocationId())) {
            Optional<ElasticAddress> other = addresses.find(context, current.allocationId());
            String heldOn = other.map(ElasticAddress::privateIpAddress).orElse(boundPrivateIp);
            if (!boundPrivateIp.equals(heldOn)) {
                throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum holds one public address per network interface:"
                        + " " + eni.value().id() + " has " + current.publicIp() + " on " + heldOn
                        + "; disassociate it before associating an Elastic IP with " + boundPrivateIp + ".");
            }
            if (!allowReassociation) {
                throw Ec2Error.RESOURCE_ALREADY_ASSOCIATED.exception("resource " + eni.value().id()
                        + " is already associated with associate-id " + current.associationId());
            }
            other.ifPresent(held -> {
                batch.put(NetworkRecords.ELASTIC_ADDRESSES, addresses.key(context, held.allocationId()), WriteBatch.ANY,
                        held.disassociated());
                pool.use(batch, context.account(), context.region(), held.publicIp(), false, context.now());
            });
        } else if (current != null && !current.isElastic()) {
            pool.release(batch, context.account(), context.region(), current.publicIp(), context.now());
        }
        NetworkInterface.Attachment attachment = eni.value().attachment();
        pool.use(batch, context.account(), context.region(), address.publicIp(),
                attachment != null && instanceRuns.test(context, attachment.instanceId()), context.now());
        String associationId = ResourceIds.next(IdKind.ELASTIC_IP_ASSOCIATION);
        batch.put(NetworkRecords.ELASTIC_ADDRESSES, found.key(), found.version(),
                        address.associated(associationId, eni.value().id(), boundPrivateIp))
                .put(NetworkRecords.NETWORK_INTERFACES, eni.key(), eni.version(), eni.value().withPublicAddress(
                        new NetworkInterface.PublicAddress(address.publicIp(), address.allocationId(), associationId)));
        commit(context, batch);
        return associationId;
    }

    public void disassociate(RequestContext context, String associationId, String publicIp) {
        defaults.ensure(context);
        Versioned<ElasticAddress> found;
        if (associationId != null) {
            ResourceIds.requireWellFormed(IdKind.ELASTIC_IP_ASSOCIATION, List.of(associationId));
            found = store.list(NetworkRecords.ELASTIC_ADDRESSES, context.account(), context.region()).stream()
                    .filter(address -> associationId.equals(address.value().associationId())).findFirst()
                    .orElseThrow(() -> ResourceIds.notFound(IdKind.ELASTIC_IP_ASSOCIATION, List.of(associationId)));
        } else {
            found = resolve(context, null, publicIp);
            if (!found.value().isAssociated()) {
                throw Ec2Error.ASSOCIATION_ID_NOT_FOUND.exception("The address " + publicIp
                        + " is not associated.");
            }
        }
        ElasticAddress address = found.value();
        WriteBatch batch = new WriteBatch().put(NetworkRecords.ELASTIC_ADDRESSES, found.key(), found.version(),
                address.disassociated());
        pool.use(batch, context.account(), context.region(), address.publicIp(), false, context.now());
        Optional<Versioned<NetworkInterface>> eni = interfaces.find(context, address.networkInterfaceId())
                .map(value -> interfaces.require(context, value.id()));
        eni.ifPresent(versioned -> leaveWithoutElasticIp(context, batch, versioned));
        commit(context, batch);
    }

    /**
     * An interface whose Elastic IP leaves it (disassociated, or moved to another interface): the primary
     * interface of a running instance launched with a public address draws a new one, as EC2 gives it; any other
     * is left without a public address.
     */
    private void leaveWithoutElasticIp(RequestContext context, WriteBatch batch, Versioned<NetworkInterface> versioned) {
        NetworkInterface value = versioned.value();
        boolean redraw = value.autoPublicIp() && value.attachment() != null && value.attachment().deviceIndex() == 0
                && interfaces.instance(context, value.attachment().instanceId()).isRunning();
        NetworkInterface.PublicAddress replacement = redraw ? new NetworkInterface.PublicAddress(
                pool.claim(batch, context.account(), context.region(), List.of(value.id()), true, context.now()).get(0),
                null, null) : null;
        batch.put(NetworkRecords.NETWORK_INTERFACES, versioned.key(), versioned.version(),
                value.withPublicAddress(replacement));
    }

    public void release(RequestContext context, String allocationId, String publicIp) {
        defaults.ensure(context);
        Versioned<ElasticAddress> found = resolve(context, allocationId, publicIp);
        if (found.value().isAssociated()) {
            throw Ec2Error.INVALID_IP_ADDRESS_IN_USE.exception("Address " + found.value().publicIp() + " is in use.");
        }
        WriteBatch batch = new WriteBatch().delete(NetworkRecords.ELASTIC_ADDRESSES, found.key(), found.version());
        pool.release(batch, context.account(), context.region(), found.value().publicIp(), context.now());
        commit(context, batch);
    }

    public List<ElasticAddress> describe(RequestContext context, List<String> publicIps, List<String> allocationIds,
                                         List<Filter> filters) {
        defaults.ensure(context);
        List<ElasticAddress> all = addresses.all(context);
        List<String> unknownIps = publicIps.stream()
                .filter(ip -> all.stream().noneMatch(address -> address.publicIp().equals(ip))).toList();
        if (!unknownIps.isEmpty()) {
            throw Ec2Error.INVALID_ADDRESS_NOT_FOUND.exception("Address '" + String.join(", ", unknownIps)
                    + "' not found.");
        }
        List<ElasticAddress> byId = addresses.describe(context, allocationIds, address -> true);
        Map<String, NetworkInterface> enis = interfaces.byId(context);
        return all.stream()
                .filter(address -> (publicIps.isEmpty() && allocationIds.isEmpty())
                        || publicIps.contains(address.publicIp()) || byId.contains(address))
                .filter(filters(enis).compile(filters))
                .sorted(java.util.Comparator.comparing(ElasticAddress::publicIp))
                .toList();
    }

    /** Records, in {@code batch}, that an Elastic IP lost the interface it was associated with. */
    static void disassociate(Store store, PublicAddressPool pool, WriteBatch batch, String account, String region,
                             String allocationId, Instant at) {
        store.get(NetworkRecords.ELASTIC_ADDRESSES, new dev.gureum.core.store.RecordKey(account, region, allocationId))
                .ifPresent(address -> {
                    batch.put(NetworkRecords.ELASTIC_ADDRESSES, address.key(), address.version(),
                            address.value().disassociated());
                    pool.use(batch, account, region, address.value().publicIp(), false, at);
                });
    }

    /** The instance an address reaches through its interface, if any. */
    public static String instanceId(ElasticAddress address, Map<String, NetworkInterface> enis) {
        NetworkInterface eni = address.networkInterfaceId() == null ? null : enis.get(address.networkInterfaceId());
        return eni == null || eni.attachment() == null ? null : eni.attachment().instanceId();
    }

    private static FilterSet<ElasticAddress> filters(Map<String, NetworkInterface> enis) {
        return FilterSet.<ElasticAddress>builder()
                .single("allocation-id", ElasticAddress::allocationId)
                .single("association-id", ElasticAddress::associationId)
                .single("domain", address -> "vpc")
                .single("instance-id", address -> instanceId(address, enis))
                .single("network-border-group", ElasticAddress::region)
                .single("network-interface-id", ElasticAddress::networkInterfaceId)
                .single("network-interface-owner-id", address -> address.isAssociated() ? address.ownerId() : null)
                .single("private-ip-address", ElasticAddress::privateIpAddress)
                .single("public-ip", ElasticAddress::publicIp)
                .tags(ElasticAddress::tags)
                .build();
    }

    private Versioned<ElasticAddress> resolve(RequestContext context, String allocationId, String publicIp) {
        if (allocationId != null) {
            return addresses.require(context, allocationId);
        }
        if (publicIp == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("Either a public IP or an allocation ID must be specified");
        }
        return store.list(NetworkRecords.ELASTIC_ADDRESSES, context.account(), context.region()).stream()
                .filter(address -> address.value().publicIp().equals(publicIp)).findFirst()
                .orElseThrow(() -> Ec2Error.INVALID_ADDRESS_NOT_FOUND.exception("Address '" + publicIp + "' not found."));
    }

    private void commit(RequestContext context, WriteBatch batch) {
        NetworkWrites.commit(store, context, batch, "address or its interface");
    }
}
