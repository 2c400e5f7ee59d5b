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
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Internet gateways: create, attach to one VPC at a time (a VPC takes one gateway), detach, delete once
 * detached. A gateway cannot be detached while instances of its VPC hold public addresses.
 */
public final class InternetGatewayService {
    static final int MAX_GATEWAYS = 5;

    private static final FilterSet<InternetGateway> FILTERS = FilterSet.<InternetGateway>builder()
            .single("attachment.state", gateway -> gateway.attachedVpcId() == null ? null : "available")
            .single("attachment.vpc-id", InternetGateway::attachedVpcId)
            .single("internet-gateway-id", InternetGateway::id)
            .single("owner-id", InternetGateway::ownerId)
            .tags(InternetGateway::tags)
            .build();

    private final Store store;
    private final DefaultVpcs defaults;
    private final Records<InternetGateway> gateways;
    private final Records<Vpc> vpcs;
    private final BiPredicate<RequestContext, String> vpcHasPublicAddresses;

    /** {@code vpcHasPublicAddresses} tells whether any interface of a VPC holds a public address. */
    public InternetGatewayService(Store store, DefaultVpcs defaults,
                                  BiPredicate<RequestContext, String> vpcHasPublicAddresses) {
        this.store = store;
        this.defaults = defaults;
        this.vpcHasPublicAddresses = vpcHasPublicAddresses;
        this.gateways = new Records<>(store, NetworkRecords.INTERNET_GATEWAYS, IdKind.INTERNET_GATEWAY,
                InternetGateway::id);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
    }

    public InternetGateway create(RequestContext context, List<Tag> tags) {
        defaults.ensure(context);
        TagRules.validate(tags);
        if (gateways.all(context).size() >= MAX_GATEWAYS) {
            throw Ec2Error.INTERNET_GATEWAY_LIMIT_EXCEEDED.exception(
                    "The maximum number of internet gateways has been reached.");
        }
        InternetGateway gateway = new InternetGateway(ResourceIds.next(IdKind.INTERNET_GATEWAY), context.account(),
                context.region(), null, TagRules.merge(List.of(), tags));
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.INTERNET_GATEWAYS,
                NetworkWrites.key(context, gateway.id()), WriteBatch.ABSENT, gateway));
        return gateway;
    }

    public void attach(RequestContext context, String gatewayId, String vpcId) {
        defaults.ensure(context);
        Versioned<InternetGateway> found = gateways.require(context, gatewayId);
        Vpc vpc = vpcs.require(context, vpcId).value();
        if (found.value().attachedVpcId() != null) {
            throw Ec2Error.RESOURCE_ALREADY_ASSOCIATED.exception("resource " + gatewayId
                    + " is already attached to network " + found.value().attachedVpcId());
        }
        if (gateways.all(context).stream().anyMatch(other -> vpc.id().equals(other.attachedVpcId()))) {
            throw Ec2Error.RESOURCE_ALREADY_ASSOCIATED.exception("resource " + vpc.id()
                    + " is already attached to an internet gateway");
        }
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.INTERNET_GATEWAYS, found.key(),
                found.version(), found.value().withAttachedVpc(vpc.id())));
    }

    public void detach(RequestContext context, String gatewayId, String vpcId) {
        defaults.ensure(context);
        Versioned<InternetGateway> found = gateways.require(context, gatewayId);
        vpcs.require(context, vpcId);
        if (!vpcId.equals(found.value().attachedVpcId())) {
            throw Ec2Error.GATEWAY_NOT_ATTACHED.exception("resource " + gatewayId + " is not attached to network " + vpcId);
        }
        if (vpcHasPublicAddresses.test(context, vpcId)) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("Network " + vpcId + " has some mapped public address(es)."
                    + " Please unmap those public address(es) before detaching the gateway.");
        }
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.INTERNET_GATEWAYS, found.key(),
                found.version(), found.value().withAttachedVpc(null)));
    }

    public void delete(RequestContext context, String gatewayId) {
        defaults.ensure(context);
        Versioned<InternetGateway> found = gateways.require(context, gatewayId);
        if (found.value().attachedVpcId() != null) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The internetGateway '" + gatewayId
                    + "' has dependencies and cannot be deleted.");
        }
        Writes.commit(store, context, new WriteBatch().delete(NetworkRecords.INTERNET_GATEWAYS, found.key(),
                found.version()));
    }

    public List<InternetGateway> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return gateways.describe(context, ids, FILTERS.compile(filters));
    }

    /** The gateway attached to a VPC, if one is: what gives its instances a way to the internet. */
    public java.util.Optional<InternetGateway> attachedTo(RequestContext context, String vpcId) {
        return gateways.all(context).stream().filter(gateway -> vpcId.equals(gateway.attachedVpcId())).findFirst();
    }

}
