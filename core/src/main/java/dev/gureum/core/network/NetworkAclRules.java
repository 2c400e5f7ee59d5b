package dev.gureum.core.network;

import dev.gureum.core.runtime.VpcFirewall;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The network ACLs of a VPC as a runtime enforces them: for every subnet, the entries of the ACL it is
 * associated with, per direction in the order EC2 evaluates them (lowest rule number first; the first entry
 * that matches allows or denies, the catch-all {@code *} deny last). IPv6 entries have nothing to match in
 * a runtime without IPv6 and are left out.
 */
public final class NetworkAclRules {
    private NetworkAclRules() {
    }

    public static List<VpcFirewall.SubnetAcl> subnetAcls(Store store, String account, String region, String vpcId) {
        List<VpcFirewall.SubnetAcl> acls = new ArrayList<>();
        for (Versioned<NetworkAcl> versioned : store.list(NetworkRecords.NETWORK_ACLS, account, region)) {
            NetworkAcl acl = versioned.value();
            if (!vpcId.equals(acl.vpcId())) {
                continue;
            }
            for (NetworkAcl.Association association : acl.associations()) {
                Subnet subnet = store.get(NetworkRecords.SUBNETS, new RecordKey(account, region, association.subnetId()))
                        .map(Versioned::value).orElse(null);
                if (subnet != null && vpcId.equals(subnet.vpcId())) {
                    acls.add(new VpcFirewall.SubnetAcl(subnet.id(), subnet.cidrBlock(), acl.id(),
                            rules(acl.entries(), false), rules(acl.entries(), true)));
                }
            }
        }
        acls.sort(Comparator.comparing(VpcFirewall.SubnetAcl::subnetId));
        return acls;
    }

    /** The direction's entries, lowest number first, as the runtime's rules. */
    static List<VpcFirewall.AclRule> rules(List<NetworkAclEntry> entries, boolean egress) {
        return entries.stream()
                .filter(entry -> entry.egress() == egress && entry.cidrBlock() != null)
                .sorted(Comparator.comparingInt(NetworkAclEntry::ruleNumber))
                .map(NetworkAclRules::rule)
                .toList();
    }

    private static VpcFirewall.AclRule rule(NetworkAclEntry entry) {
        return new VpcFirewall.AclRule(entry.ruleNumber(), entry.protocol(), entry.cidrBlock(), entry.allow(),
                orAll(entry.fromPort()), orAll(entry.toPort()), orAll(entry.icmpType()), orAll(entry.icmpCode()));
    }

    private static int orAll(Integer value) {
        return value == null ? -1 : value;
    }
}
