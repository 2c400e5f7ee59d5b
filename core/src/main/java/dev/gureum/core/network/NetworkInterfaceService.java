package dev.gureum.core.network;

import dev.gureum.core.Once;
import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.ids.ClientTokens;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network interfaces: the ones RunInstances makes for its instances and the ones callers make, attach,
 * detach, modify and delete. Private addresses come from the subnet's allocation (see {@link Subnet});
 * public ones from the {@link PublicAddressPool}. How interfaces follow their instance's life (stop, start,
 * termination) is {@link InterfaceLifecycle}'s, their secondary addresses {@link InterfaceAddresses}' and their
 * filters {@link NetworkInterfaceFilters}'.
 */
public final class NetworkInterfaceService {
    public static final int MAX_GROUPS_PER_INTERFACE = 5;
    /** Private addresses per interface: the largest per-interface IPv4 limit of EC2's instance types. */
    static final int MAX_ADDRESSES_PER_INTERFACE = 50;

    private final Store store;
    private final DefaultVpcs defaults;
    private final PublicAddressPool pool;
    private final AttachableInstances instances;
    final Records<NetworkInterface> interfaces;
    private final Records<Subnet> subnets;
    private final Records<SecurityGroup> groups;

    public NetworkInterfaceService(Store store, DefaultVpcs defaults, PublicAddressPool pool,
                                   AttachableInstances instances) {
        this.store = store;
        this.defaults = defaults;
        this.pool = pool;
        this.instances = instances;
        this.interfaces = new Records<>(store, NetworkRecords.NETWORK_INTERFACES, IdKind.NETWORK_INTERFACE,
                NetworkInterface::id);
        this.subnets = new Records<>(store, NetworkRecords.SUBNETS, IdKind.SUBNET, Subnet::id);
        this.groups = new Records<>(store, NetworkRecords.SECURITY_GROUPS, IdKind.SECURITY_GROUP, SecurityGroup::id);
    }

    // ---- launches

    /** The subnet a launch names, if it names one. */
    public Optional<Subnet> requestedSubnet(RequestContext context, LaunchNetwork network) {
        defaults.ensure(context);
        return Optional.ofNullable(network.subnetId()).map(id -> subnets.require(context, id).value());
    }

    /** The default subnet of a zone, for a launch that names no subnet. */
    public Subnet defaultSubnet(RequestContext context, String zoneName) {
        Vpc vpc = defaults.require(context);
        return subnets.all(context).stream()
                .filter(subnet -> subnet.vpcId().equals(vpc.id()) && subnet.defaultForAz()
                        && subnet.availabilityZone().equals(zoneName))
                .findFirst()
                .orElseThrow(() -> Ec2Error.MISSING_INPUT.exception("No subnets found for the default VPC '" + vpc.id()
                        + "'. Please specify a subnet."));
    }

    /** The groups a launch asks for in the subnet's VPC (its default group when none), validated. */
    public List<String> launchGroups(RequestContext context, Subnet subnet, LaunchNetwork network) {
        List<String> chosen = new ArrayList<>(resolveGroups(context, subnet, network.groupIds(), network.groupNames()));
        if (chosen.isEmpty()) {
            chosen.add(vpc(context, subnet.vpcId()).defaultSecurityGroupId());
        }
        return chosen;
    }

    /**
     * Takes addresses and writes one primary interface per instance into {@code batch}: the instances'
     * private addresses (the one asked for, or the subnet's lowest free ones) and, when {@code mapPublic},
     * a public address each.
     */
    public List<NetworkInterface> launchInterfaces(RequestContext context, WriteBatch batch, Subnet subnet,
                                                   List<String> groupIds, LaunchNetwork network, boolean mapPublic,
                                                   List<String> instanceIds, List<Tag> tags) {
        Versioned<Subnet> current = subnets.require(context, subnet.id());
        List<Long> addresses = SubnetAddresses.take(current.value(), network.privateIpAddress(), instanceIds.size());
        List<List<Long>> secondaries = secondaries(current.value().withAllocated(addresses, true), network,
                instanceIds.size());
        List<Long> taken = new ArrayList<>(addresses);
        secondaries.forEach(taken::addAll);
        batch.put(NetworkRecords.SUBNETS, current.key(), current.version(), current.value().withAllocated(taken, true));
        List<String> ids = instanceIds.stream().map(unused -> ResourceIds.next(IdKind.NETWORK_INTERFACE)).toList();
        List<String> publicIps = mapPublic ? pool.claim(batch, context.account(), context.region(), ids, true,
                context.now()) : null;
        List<NetworkInterface> created = new ArrayList<>(ids.size());
        for (int index = 0; index < ids.size(); index++) {
            NetworkInterface eni = new NetworkInterface(ids.get(index), context.account(), context.region(),
                    subnet.vpcId(), subnet.id(), subnet.availabilityZone(), NetworkInterface.newMacAddress(),
                    privateAddresses(addresses.get(index), secondaries.get(index)),
                    groupIds, true, network.description() == null ? "" : network.description(), mapPublic,
                    mapPublic ? new NetworkInterface.PublicAddress(publicIps.get(index), null, null) : null,
                    new NetworkInterface.Attachment(ResourceIds.next(IdKind.NETWORK_INTERFACE_ATTACHMENT),
                            instanceIds.get(index), context.account(), 0,
                            !Boolean.FALSE.equals(network.deleteOnTermination()), context.now()),
                    List.of(), tags);
            batch.put(NetworkRecords.NETWORK_INTERFACES, interfaces.key(context, eni.id()), WriteBatch.ABSENT, eni);
            created.add(eni);
        }
        return created;
    }

    /**
     * Each launched interface's secondary addresses, taken from what is free once the primaries are: those named
     * (a launch of one instance only) or the number asked for each.
     */
    private static List<List<Long>> secondaries(Subnet subnet, LaunchNetwork network, int count) {
        int each = network.secondaryAddresses().isEmpty() ? network.secondaryCount()
                : network.secondaryAddresses().size();
        if (each < 0 || each >= MAX_ADDRESSES_PER_INTERFACE) {
            throw Ec2Error.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED.exception("Number of private addresses will exceed limit.");
        }
        if (!network.secondaryAddresses().isEmpty() && count != 1) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Private IP addresses can only be given for a"
                    + " launch of one instance.");
        }
        List<List<Long>> secondaries = new ArrayList<>(count);
        Subnet remaining = subnet;
        for (int index = 0; index < count; index++) {
            List<Long> taken = new ArrayList<>(each);
            for (String named : network.secondaryAddresses()) {
                long address = SubnetAddresses.requested(remaining, named);
                taken.add(address);
                remaining = remaining.withAllocated(List.of(address), true);
            }
            if (network.secondaryAddresses().isEmpty() && each > 0) {
                taken.addAll(SubnetAddresses.take(remaining, null, each));
                remaining = remaining.withAllocated(taken, true);
            }
            secondaries.add(taken);
        }
        return secondaries;
    }

    private static List<NetworkInterface.PrivateAddress> privateAddresses(long primary, List<Long> secondaries) {
        List<NetworkInterface.PrivateAddress> addresses = new ArrayList<>(1 + secondaries.size());
        addresses.add(new NetworkInterface.PrivateAddress(Ipv4Cidr.formatAddress(primary), true));
        secondaries.forEach(address -> addresses.add(new NetworkInterface.PrivateAddress(Ipv4Cidr.formatAddress(
                address), false)));
        return addresses;
    }

    /** The network of some instances, by their primary interfaces, as a Describe of them shows it. */
    public InstanceNetworkView view(RequestContext context, java.util.Collection<String> primaryInterfaceIds) {
        List<NetworkInterface> attached = new ArrayList<>(primaryInterfaceIds.size());
        for (String primaryId : primaryInterfaceIds) {
            AttachedInterfaces.of(store, context.account(), context.region(), primaryId).forEach(eni -> attached.add(eni.value()));
        }
        return new InstanceNetworkView(attached, groups.all(context),
                store.list(NetworkRecords.VPCS, context.account(), context.region()).stream()
                        .map(Versioned::value).toList(),
                store.list(NetworkRecords.SUBNETS, context.account(), context.region()).stream()
                        .map(Versioned::value).toList());
    }

    /** Every interface of the account and region, by id. */
    public Map<String, NetworkInterface> byId(RequestContext context) {
        Map<String, NetworkInterface> all = new LinkedHashMap<>();
        for (NetworkInterface eni : interfaces.all(context)) {
            all.put(eni.id(), eni);
        }
        return all;
    }

    public Optional<NetworkInterface> find(RequestContext context, String interfaceId) {
        return interfaces.find(context, interfaceId);
    }

    /** Whether any interface lives in the subnet (DeleteSubnet's dependency). */
    public boolean subnetHasInterfaces(RequestContext context, String subnetId) {
        return interfaces.all(context).stream().anyMatch(eni -> eni.subnetId().equals(subnetId));
    }

    /** Whether any interface of the VPC holds a public address (DetachInternetGateway's dependency). */
    public boolean vpcHasPublicAddresses(RequestContext context, String vpcId) {
        return interfaces.all(context).stream().anyMatch(eni -> eni.vpcId().equals(vpcId) && eni.publicAddress() != null);
    }

    /** Whether any interface uses the group (DeleteSecurityGroup's dependency). */
    public boolean groupInUse(RequestContext context, String groupId) {
        return interfaces.all(context).stream().anyMatch(eni -> eni.groupIds().contains(groupId));
    }

    // ---- the NetworkInterface API

    public NetworkInterface create(RequestContext context, String subnetId, String description, List<String> groupIds,
                                   String privateIp, List<String> secondaryAddresses, int secondaryCount,
                                   List<Tag> tags, String clientToken) {
        defaults.ensure(context);
        String parameters = String.join(" ", subnetId, String.valueOf(description), groupIds.toString(),
                String.valueOf(privateIp), secondaryAddresses.toString(), Integer.toString(secondaryCount),
                tags.toString());
        Optional<NetworkInterface> made = ClientTokens.earlier(store, context, "CreateNetworkInterface", clientToken,
                parameters).flatMap(id -> interfaces.find(context, id));
        if (made.isPresent()) {
            return made.get();
        }
        Versioned<Subnet> subnet = subnets.require(context, subnetId);
        TagRules.validate(tags);
        List<String> chosen = new ArrayList<>(resolveGroups(context, subnet.value(), groupIds, List.of()));
        if (chosen.isEmpty()) {
            chosen.add(vpc(context, subnet.value().vpcId()).defaultSecurityGroupId());
        }
        InterfaceAddresses.requireNamedOrCounted(secondaryAddresses, secondaryCount);
        if (secondaryCount < 0 || Math.max(secondaryCount, secondaryAddresses.size()) >= MAX_ADDRESSES_PER_INTERFACE) {
            throw Ec2Error.PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED.exception("Number of private addresses will exceed limit.");
        }
        List<Long> addresses = new ArrayList<>(SubnetAddresses.take(subnet.value(), privateIp, 1));
        for (String secondary : secondaryAddresses) {
            addresses.add(SubnetAddresses.requested(subnet.value().withAllocated(addresses, true), secondary));
        }
        if (secondaryCount > 0) {
            addresses.addAll(SubnetAddresses.take(subnet.value().withAllocated(addresses, true), null, secondaryCount));
        }
        List<NetworkInterface.PrivateAddress> privateAddresses = new ArrayList<>();
        for (int index = 0; index < addresses.size(); index++) {
            privateAddresses.add(new NetworkInterface.PrivateAddress(Ipv4Cidr.formatAddress(addresses.get(index)),
                    index == 0));
        }
        NetworkInterface eni = new NetworkInterface(ResourceIds.next(IdKind.NETWORK_INTERFACE), context.account(),
                context.region(), subnet.value().vpcId(), subnet.value().id(), subnet.value().availabilityZone(),
                NetworkInterface.newMacAddress(), privateAddresses, chosen, true, description == null ? "" : description, false, null, null,
                List.of(), TagRules.merge(List.of(), tags));
        WriteBatch batch = new WriteBatch()
                .put(NetworkRecords.SUBNETS, subnet.key(), subnet.version(), subnet.value().withAllocated(addresses, true))
                .put(NetworkRecords.NETWORK_INTERFACES, interfaces.key(context, eni.id()), WriteBatch.ABSENT, eni);
        ClientTokens.record(batch, context, "CreateNetworkInterface", clientToken, eni.id(), parameters);
        commit(context, batch);
        return eni;
    }

    public void delete(RequestContext context, String interfaceId) {
        defaults.ensure(context);
        Versioned<NetworkInterface> found = interfaces.require(context, interfaceId);
        NetworkInterface eni = found.value();
        if (eni.attachment() != null) {
            throw Ec2Error.INVALID_NETWORK_INTERFACE_IN_USE.exception("The network interface '" + interfaceId
                    + "' is currently in use.");
        }
        Versioned<Subnet> subnet = subnets.require(context, eni.subnetId());
        WriteBatch batch = new WriteBatch()
                .delete(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version())
                .put(NetworkRecords.SUBNETS, subnet.key(), subnet.version(),
                        subnet.value().withAllocated(SubnetAddresses.of(eni), false));
        if (eni.publicAddress() != null && eni.publicAddress().isElastic()) {
            ElasticAddressService.disassociate(store, pool, batch, context.account(), context.region(),
                    eni.publicAddress().allocationId(), context.now());
        }
        commit(context, batch);
    }

    public List<NetworkInterface> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return interfaces.describe(context, ids,
                NetworkInterfaceFilters.of(Once.of(() -> view(context, List.of()))).compile(filters));
    }

    /** AttachNetworkInterface: answers the attachment id. */
    public String attach(RequestContext context, String interfaceId, String instanceId, Integer deviceIndex) {
        defaults.ensure(context);
        if (deviceIndex == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter deviceIndex");
        }
        Versioned<NetworkInterface> found = interfaces.require(context, interfaceId);
        AttachableInstances.Attachable instance = instance(context, instanceId);
        NetworkInterface eni = found.value();
        if (eni.attachment() != null) {
            throw Ec2Error.INVALID_NETWORK_INTERFACE_IN_USE.exception("Interface: [" + interfaceId + "] in use.");
        }
        if (!eni.availabilityZone().equals(instance.availabilityZone())) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("You may not attach a network interface to an"
                    + " instance if they are not in the same availability zone");
        }
        if (!eni.vpcId().equals(instance.vpcId())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Network interface " + interfaceId + " and instance "
                    + instanceId + " belong to different networks.");
        }
        if (deviceIndex < 1 || AttachedInterfaces.of(store, context.account(), context.region(), instance.primaryInterfaceId())
                .stream().anyMatch(other -> other.value().attachment().deviceIndex() == deviceIndex)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Instance '" + instanceId
                    + "' already has an interface attached at device index '" + deviceIndex + "'.");
        }
        NetworkInterface.Attachment attachment = new NetworkInterface.Attachment(
                ResourceIds.next(IdKind.NETWORK_INTERFACE_ATTACHMENT), instanceId, context.account(), deviceIndex, false,
                context.now());
        Versioned<NetworkInterface> primary = interfaces.require(context, instance.primaryInterfaceId());
        commit(context, new WriteBatch()
                .put(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version(), eni.withAttachment(attachment))
                .put(NetworkRecords.NETWORK_INTERFACES, primary.key(), primary.version(),
                        primary.value().withSecondaryInterface(eni.id(), true)));
        return attachment.id();
    }

    public void detach(RequestContext context, String attachmentId) {
        defaults.ensure(context);
        ResourceIds.requireWellFormed(IdKind.NETWORK_INTERFACE_ATTACHMENT, List.of(attachmentId));
        Versioned<NetworkInterface> found = store.list(NetworkRecords.NETWORK_INTERFACES, context.account(),
                        context.region()).stream()
                .filter(eni -> eni.value().attachment() != null && eni.value().attachment().id().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> Ec2Error.ATTACHMENT_ID_NOT_FOUND.exception("The network interface attachment ID '"
                        + attachmentId + "' does not exist"));
        if (found.value().attachment().deviceIndex() == 0) {
            throw Ec2Error.OPERATION_NOT_PERMITTED.exception("The network interface at device index 0 and networkCard"
                    + " index 0 cannot be detached.");
        }
        WriteBatch batch = new WriteBatch().put(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version(),
                found.value().withAttachment(null));
        instances.find(context, found.value().attachment().instanceId())
                .flatMap(instance -> store.get(NetworkRecords.NETWORK_INTERFACES,
                        interfaces.key(context, instance.primaryInterfaceId())))
                .ifPresent(primary -> batch.put(NetworkRecords.NETWORK_INTERFACES, primary.key(), primary.version(),
                        primary.value().withSecondaryInterface(found.value().id(), false)));
        commit(context, batch);
    }

    /**
     * ModifyNetworkInterfaceAttribute (and ModifyInstanceAttribute's groups): exactly one of groups, source/dest
     * check, description or the attachment's delete-on-termination.
     */
    public void modify(RequestContext context, String interfaceId, List<String> groupIds, Boolean sourceDestCheck,
                       String description, Boolean deleteOnTermination) {
        defaults.ensure(context);
        Versioned<NetworkInterface> found = interfaces.require(context, interfaceId);
        NetworkInterface eni = found.value();
        NetworkInterface changed;
        if (groupIds != null && !groupIds.isEmpty()) {
            Subnet subnet = subnets.require(context, eni.subnetId()).value();
            changed = eni.withGroups(resolveGroups(context, subnet, groupIds, List.of()));
        } else if (sourceDestCheck != null) {
            changed = eni.withSourceDestCheck(sourceDestCheck);
        } else if (description != null) {
            changed = eni.withDescription(description);
        } else if (deleteOnTermination != null) {
            if (eni.attachment() == null) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The network interface " + interfaceId
                        + " is not attached.");
            }
            NetworkInterface.Attachment attachment = eni.attachment();
            changed = eni.withAttachment(new NetworkInterface.Attachment(attachment.id(), attachment.instanceId(),
                    attachment.instanceOwnerId(), attachment.deviceIndex(), deleteOnTermination, attachment.attachTime()));
        } else {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain exactly one attribute to modify");
        }
        commit(context, new WriteBatch().put(NetworkRecords.NETWORK_INTERFACES, found.key(), found.version(), changed));
    }

    /** Refuses an attachment id that is not the interface's attachment: {@code InvalidAttachmentID.NotFound}. */
    public void requireAttachment(RequestContext context, String interfaceId, String attachmentId) {
        NetworkInterface eni = interfaces.require(context, interfaceId).value();
        if (attachmentId == null || eni.attachment() == null || !attachmentId.equals(eni.attachment().id())) {
            throw Ec2Error.ATTACHMENT_ID_NOT_FOUND.exception("The attachment ID '" + attachmentId
                    + "' does not exist");
        }
    }

    /** The primary interface of an instance, whose groups ModifyInstanceAttribute --groups changes. */
    public String primaryInterfaceOf(RequestContext context, String instanceId) {
        return instance(context, instanceId).primaryInterfaceId();
    }

    // ---- helpers shared with Elastic IPs

    Versioned<NetworkInterface> require(RequestContext context, String interfaceId) {
        return interfaces.require(context, interfaceId);
    }

    AttachableInstances.Attachable instance(RequestContext context, String instanceId) {
        ResourceIds.requireWellFormed(IdKind.INSTANCE, List.of(instanceId));
        return instances.find(context, instanceId)
                .orElseThrow(() -> ResourceIds.notFound(IdKind.INSTANCE, List.of(instanceId)));
    }

    private List<String> resolveGroups(RequestContext context, Subnet subnet, List<String> groupIds,
                                       List<String> groupNames) {
        LinkedHashSet<String> resolved = new LinkedHashSet<>();
        ResourceIds.requireWellFormed(IdKind.SECURITY_GROUP, groupIds);
        for (String groupId : groupIds) {
            SecurityGroup group = groups.require(context, groupId).value();
            if (!group.vpcId().equals(subnet.vpcId())) {
                throw Ec2Error.INVALID_PARAMETER.exception("Security group " + groupId + " and subnet " + subnet.id()
                        + " belong to different networks.");
            }
            resolved.add(groupId);
        }
        for (String name : groupNames) {
            resolved.add(store.get(NetworkRecords.SECURITY_GROUP_NAMES,
                            new RecordKey(context.account(), context.region(), subnet.vpcId() + "/" + name))
                    .map(claim -> claim.value().holderId())
                    .orElseThrow(() -> Ec2Error.SECURITY_GROUP_ID_NOT_FOUND.exception("The security group '" + name
                            + "' does not exist in VPC '" + subnet.vpcId() + "'")));
        }
        if (resolved.size() > MAX_GROUPS_PER_INTERFACE) {
            throw Ec2Error.SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED.exception("The maximum number of security groups"
                    + " per interface has been reached.");
        }
        return List.copyOf(resolved);
    }

    private Vpc vpc(RequestContext context, String vpcId) {
        return store.get(NetworkRecords.VPCS, new RecordKey(context.account(), context.region(), vpcId))
                .map(Versioned::value).orElseThrow(() -> ResourceIds.notFound(IdKind.VPC, List.of(vpcId)));
    }

    private void commit(RequestContext context, WriteBatch batch) {
        NetworkWrites.commit(store, context, batch, "network interface or its subnet");
    }
}
