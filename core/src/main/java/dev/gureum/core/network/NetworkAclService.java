package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.ClientTokens;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Network ACLs and their numbered entries. A new ACL denies everything until entries are added; user rule
 * numbers run from 1 to 32766 and each direction holds at most {@value #MAX_ENTRIES} entries (the catch-all
 * included). The default ACL cannot be deleted, nor can an ACL still guarding subnets; subnets move between
 * ACLs with ReplaceNetworkAclAssociation.
 */
public final class NetworkAclService {
    static final int MAX_ENTRIES = 20;
    private static final int HIGHEST_RULE_NUMBER = 32766;

    private static final FilterSet<NetworkAcl> FILTERS = FilterSet.<NetworkAcl>builder()
            .many("association.association-id", acl -> acl.associations().stream().map(NetworkAcl.Association::id).toList())
            .many("association.network-acl-id", acl -> acl.associations().isEmpty() ? List.of() : List.of(acl.id()))
            .many("association.subnet-id", acl -> acl.associations().stream().map(NetworkAcl.Association::subnetId).toList())
            .single("default", NetworkAcl::isDefault)
            .many("entry.cidr", acl -> acl.entries().stream().map(NetworkAclEntry::cidrBlock).filter(Objects::nonNull).toList())
            .many("entry.egress", acl -> acl.entries().stream().map(entry -> Boolean.toString(entry.egress())).toList())
            .many("entry.protocol", acl -> acl.entries().stream().flatMap(entry -> protocolNames(entry.protocol()))
                    .toList())
            .many("entry.icmp.code", acl -> acl.entries().stream().map(NetworkAclEntry::icmpCode)
                    .filter(Objects::nonNull).map(String::valueOf).toList())
            .many("entry.icmp.type", acl -> acl.entries().stream().map(NetworkAclEntry::icmpType)
                    .filter(Objects::nonNull).map(String::valueOf).toList())
            .many("entry.port-range.from", acl -> acl.entries().stream().map(NetworkAclEntry::fromPort)
                    .filter(Objects::nonNull).map(String::valueOf).toList())
            .many("entry.port-range.to", acl -> acl.entries().stream().map(NetworkAclEntry::toPort)
                    .filter(Objects::nonNull).map(String::valueOf).toList())
            .many("entry.ipv6-cidr", acl -> acl.entries().stream().map(NetworkAclEntry::ipv6CidrBlock)
                    .filter(Objects::nonNull).toList())
            .many("entry.rule-action", acl -> acl.entries().stream().map(entry -> entry.allow() ? "allow" : "deny").toList())
            .many("entry.rule-number", acl -> acl.entries().stream().map(entry -> Integer.toString(entry.ruleNumber())).toList())
            .single("network-acl-id", NetworkAcl::id)
            .single("owner-id", NetworkAcl::ownerId)
            .single("vpc-id", NetworkAcl::vpcId)
            .tags(NetworkAcl::tags)
            .build();

    /** An entry's protocol as the filter matches it: its number and, for TCP, UDP and ICMP, its name. */
    private static java.util.stream.Stream<String> protocolNames(String protocol) {
        String other = switch (protocol) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            default -> null;
        };
        return other == null ? java.util.stream.Stream.of(protocol) : java.util.stream.Stream.of(protocol, other);
    }

    private final Store store;
    private final DefaultVpcs defaults;
    private final Records<NetworkAcl> acls;
    private final Records<Vpc> vpcs;

    public NetworkAclService(Store store, DefaultVpcs defaults) {
        this.store = store;
        this.defaults = defaults;
        this.acls = new Records<>(store, NetworkRecords.NETWORK_ACLS, IdKind.NETWORK_ACL, NetworkAcl::id);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
    }

    /** CreateNetworkAcl; a retry with the same ClientToken answers the ACL the first call made. */
    public NetworkAcl create(RequestContext context, String vpcId, List<Tag> tags, String clientToken) {
        defaults.ensure(context);
        String parameters = vpcId + " " + tags;
        Optional<NetworkAcl> made = ClientTokens.earlier(store, context, "CreateNetworkAcl", clientToken, parameters)
                .flatMap(id -> acls.find(context, id));
        if (made.isPresent()) {
            return made.get();
        }
        Vpc vpc = vpcs.require(context, vpcId).value();
        TagRules.validate(tags);
        NetworkAcl acl = new NetworkAcl(ResourceIds.next(IdKind.NETWORK_ACL), context.account(), context.region(),
                vpc.id(), false, List.of(catchAll(false), catchAll(true)), List.of(), TagRules.merge(List.of(), tags));
        WriteBatch batch = new WriteBatch().put(NetworkRecords.NETWORK_ACLS, NetworkWrites.key(context, acl.id()),
                WriteBatch.ABSENT, acl);
        ClientTokens.record(batch, context, "CreateNetworkAcl", clientToken, acl.id(), parameters);
        Writes.commit(store, context, batch);
        return acl;
    }

    public void delete(RequestContext context, String aclId) {
        defaults.ensure(context);
        Versioned<NetworkAcl> found = acls.require(context, aclId);
        if (found.value().isDefault()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("cannot delete default network ACL " + aclId);
        }
        if (!found.value().associations().isEmpty()) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The network ACL '" + aclId
                    + "' has dependencies and cannot be deleted.");
        }
        Writes.commit(store, context, new WriteBatch().delete(NetworkRecords.NETWORK_ACLS, found.key(), found.version()));
    }

    public List<NetworkAcl> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return acls.describe(context, ids, FILTERS.compile(filters));
    }

    /** CreateNetworkAclEntry, or with {@code replace} ReplaceNetworkAclEntry. */
    public void putEntry(RequestContext context, String aclId, NetworkAclEntry entry, boolean replace) {
        defaults.ensure(context);
        Versioned<NetworkAcl> found = acls.require(context, aclId);
        validate(entry);
        List<NetworkAclEntry> entries = new ArrayList<>(found.value().entries());
        boolean exists = entries.removeIf(existing -> existing.egress() == entry.egress()
                && existing.ruleNumber() == entry.ruleNumber());
        if (exists && !replace) {
            throw Ec2Error.NETWORK_ACL_ENTRY_ALREADY_EXISTS.exception("The network acl entry identified by "
                    + entry.ruleNumber() + " already exists.");
        }
        if (!exists && replace) {
            throw notFound(aclId, entry.ruleNumber(), entry.egress());
        }
        entries.add(entry);
        if (entries.stream().filter(existing -> existing.egress() == entry.egress()).count() > MAX_ENTRIES) {
            throw Ec2Error.NETWORK_ACL_ENTRY_LIMIT_EXCEEDED.exception("The maximum number of network acl entries has"
                    + " been reached.");
        }
        commit(context, found, found.value().withEntries(entries));
    }

    public void deleteEntry(RequestContext context, String aclId, int ruleNumber, boolean egress) {
        defaults.ensure(context);
        Versioned<NetworkAcl> found = acls.require(context, aclId);
        if (ruleNumber == NetworkAclEntry.CATCH_ALL) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + ruleNumber
                    + ") for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.");
        }
        List<NetworkAclEntry> entries = new ArrayList<>(found.value().entries());
        if (!entries.removeIf(existing -> existing.egress() == egress && existing.ruleNumber() == ruleNumber)) {
            throw notFound(aclId, ruleNumber, egress);
        }
        commit(context, found, found.value().withEntries(entries));
    }

    /** ReplaceNetworkAclAssociation: moves a subnet to another ACL of its VPC; answers the new association id. */
    public String replaceAssociation(RequestContext context, String associationId, String aclId) {
        defaults.ensure(context);
        ResourceIds.requireWellFormed(IdKind.NETWORK_ACL_ASSOCIATION, List.of(associationId));
        Versioned<NetworkAcl> to = acls.require(context, aclId);
        Versioned<NetworkAcl> from = store.list(NetworkRecords.NETWORK_ACLS, context.account(), context.region()).stream()
                .filter(acl -> acl.value().associations().stream()
                        .anyMatch(association -> association.id().equals(associationId)))
                .findFirst()
                .orElseThrow(() -> ResourceIds.notFound(IdKind.NETWORK_ACL_ASSOCIATION, List.of(associationId)));
        if (!from.value().vpcId().equals(to.value().vpcId())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Network ACL " + aclId + " belongs to a different network");
        }
        String subnetId = from.value().associations().stream()
                .filter(association -> association.id().equals(associationId)).findFirst().orElseThrow().subnetId();
        NetworkAcl.Association moved = new NetworkAcl.Association(ResourceIds.next(IdKind.NETWORK_ACL_ASSOCIATION),
                subnetId);
        WriteBatch batch = new WriteBatch();
        if (from.key().equals(to.key())) {
            batch.put(NetworkRecords.NETWORK_ACLS, from.key(), from.version(),
                    from.value().withoutSubnet(subnetId).withAssociation(moved));
        } else {
            batch.put(NetworkRecords.NETWORK_ACLS, from.key(), from.version(), from.value().withoutSubnet(subnetId))
                    .put(NetworkRecords.NETWORK_ACLS, to.key(), to.version(), to.value().withAssociation(moved));
        }
        Writes.commit(store, context, batch);
        return moved.id();
    }

    private static void validate(NetworkAclEntry entry) {
        if (entry.ruleNumber() < 1 || entry.ruleNumber() > HIGHEST_RULE_NUMBER) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + entry.ruleNumber()
                    + ") for parameter ruleNumber is invalid. Rule number must be between 1 and 32766.");
        }
        if (entry.cidrBlock() == null && entry.ipv6CidrBlock() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter cidrBlock or ipv6CidrBlock");
        }
        if (entry.cidrBlock() != null) {
            Ipv4Cidr.parse(entry.cidrBlock(), "cidrBlock");
        }
        boolean ported = entry.protocol().equals("6") || entry.protocol().equals("17");
        if (ported && (entry.fromPort() == null || entry.toPort() == null)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("TCP and UDP entries need a port range (PortRange.From and"
                    + " PortRange.To)");
        }
        if (ported && (entry.fromPort() < 0 || entry.toPort() > 65535 || entry.fromPort() > entry.toPort())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value for portRange. Ports must be between 0 and"
                    + " 65535, from not above to.");
        }
        if (entry.protocol().equals("1") && (entry.icmpType() == null || entry.icmpCode() == null)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("ICMP entries need an ICMP type and code (Icmp.Type and"
                    + " Icmp.Code; -1 for all)");
        }
    }

    /** The protocol as ACL entries hold it: a number, {@code -1} for all (tcp, udp, icmp and all are accepted by name). */
    public static String protocolNumber(String protocol) {
        if (protocol == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter protocol");
        }
        String number = switch (protocol.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> "6";
            case "udp" -> "17";
            case "icmp" -> "1";
            case "icmpv6" -> "58";
            case "all" -> "-1";
            default -> protocol;
        };
        if (!number.matches("-1|\\d{1,3}") || (!number.equals("-1") && Integer.parseInt(number) > 255)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + protocol + "' for protocol.");
        }
        return number;
    }

    private static NetworkAclEntry catchAll(boolean egress) {
        return new NetworkAclEntry(NetworkAclEntry.CATCH_ALL, egress, "-1", "0.0.0.0/0", null, false, null, null,
                null, null);
    }

    private static RuntimeException notFound(String aclId, int ruleNumber, boolean egress) {
        return Ec2Error.INVALID_NETWORK_ACL_ENTRY_NOT_FOUND.exception("The network acl entry identified by "
                + ruleNumber + (egress ? " (egress)" : " (ingress)") + " does not exist in " + aclId + ".");
    }

    private void commit(RequestContext context, Versioned<NetworkAcl> found, NetworkAcl changed) {
        NetworkWrites.commit(store, context, new WriteBatch().put(NetworkRecords.NETWORK_ACLS, found.key(),
                found.version(), changed), "network ACL " + found.value().id());
    }

}
