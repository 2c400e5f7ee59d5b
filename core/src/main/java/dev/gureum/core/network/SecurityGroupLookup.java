package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.List;
import java.util.Optional;

/**
 * Finds security groups the ways requests name them: by id, or by name, which EC2 resolves in the
 * account's default VPC only ({@code InvalidGroup.NotFound … does not exist in default VPC …}). Names are
 * found through their claim records, so a lookup by name reads two records and never lists the region.
 */
final class SecurityGroupLookup {
    private final Store store;
    private final DefaultVpcs defaultVpcs;
    private final Records<SecurityGroup> groups;

    SecurityGroupLookup(Store store, DefaultVpcs defaultVpcs) {
        this.store = store;
        this.defaultVpcs = defaultVpcs;
        this.groups = new Records<>(store, NetworkRecords.SECURITY_GROUPS, IdKind.SECURITY_GROUP, SecurityGroup::id);
    }

    Versioned<SecurityGroup> byId(RequestContext context, String groupId) {
        return groups.require(context, groupId);
    }

    Optional<SecurityGroup> find(RequestContext context, String groupId) {
        return groups.find(context, groupId);
    }

    /** The group a request acts on: its GroupId, or else its GroupName in the default VPC. */
    Versioned<SecurityGroup> target(RequestContext context, String groupId, String groupName) {
        if (groupId != null && !groupId.isEmpty()) {
            return byId(context, groupId);
        }
        if (groupName != null && !groupName.isEmpty()) {
            return inDefaultVpc(context, groupName);
        }
        throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter groupName or groupId");
    }

    Versioned<SecurityGroup> inDefaultVpc(RequestContext context, String name) {
        Vpc vpc = defaultVpcs.require(context);
        return byName(context, vpc.id(), name).orElseThrow(() -> Ec2Error.SECURITY_GROUP_ID_NOT_FOUND.exception(
                "The security group '" + name + "' does not exist in default VPC '" + vpc.id() + "'"));
    }

    Optional<Versioned<SecurityGroup>> byName(RequestContext context, String vpcId, String name) {
        RecordKey claim = new RecordKey(context.account(), context.region(), SecurityGroupNames.claimId(vpcId, name));
        return store.get(NetworkRecords.SECURITY_GROUP_NAMES, claim)
                .flatMap(found -> store.get(NetworkRecords.SECURITY_GROUPS, groups.key(context, found.value().holderId())));
    }

    List<SecurityGroup> all(RequestContext context) {
        return groups.all(context);
    }

    static CloudException differentNetworks() {
        return Ec2Error.SECURITY_GROUP_ID_NOT_FOUND.exception(
                "You have specified two resources that belong to different networks.");
    }
}
