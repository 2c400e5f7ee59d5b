package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import java.util.List;

/**
 * A VPC with what EC2 creates alongside it: a main route table holding the local route, a default
 * network ACL that allows everything both ways (rule 100) before the catch-all deny, and a security
 * group named {@code default} whose members may reach each other and which may send anywhere.
 */
public record NewVpc(Vpc vpc, RouteTable mainRouteTable, NetworkAcl defaultAcl, SecurityGroup defaultGroup) {

    public static NewVpc create(RequestContext context, Ipv4Cidr cidr, boolean isDefault, String dhcpOptionsId,
                                String tenancy, List<Tag> tags) {
        String vpcId = ResourceIds.next(IdKind.VPC);
        String account = context.account();
        RouteTable main = new RouteTable(ResourceIds.next(IdKind.ROUTE_TABLE), account, context.region(), vpcId,
                List.of(Route.local(cidr.toString())),
                List.of(new RouteTableAssociation(ResourceIds.next(IdKind.ROUTE_TABLE_ASSOCIATION), true, null)),
                List.of());
        NetworkAcl acl = new NetworkAcl(ResourceIds.next(IdKind.NETWORK_ACL), account, context.region(), vpcId, true,
                allowAllEntries(), List.of(), List.of());
        String groupId = ResourceIds.next(IdKind.SECURITY_GROUP);
        SecurityGroup group = new SecurityGroup(groupId, account, context.region(), vpcId, SecurityGroup.DEFAULT_NAME,
                "default VPC security group", List.of(
                        new SecurityGroupRule(ResourceIds.next(IdKind.SECURITY_GROUP_RULE), false, "-1", -1, -1, null,
                                null, null, groupId, account, null, List.of()),
                        SecurityGroupRules.allowAllEgress()),
                List.of());
        Vpc vpc = new Vpc(vpcId, account, context.region(), cidr.toString(),
                ResourceIds.next(IdKind.VPC_CIDR_ASSOCIATION), isDefault, dhcpOptionsId, tenancy, true, isDefault,
                main.id(), groupId, acl.id(), context.now(), tags);
        return new NewVpc(vpc, main, acl, group);
    }

    /** Rule 100 allowing all traffic both ways; the catch-all deny is added by every ACL. */
    private static List<NetworkAclEntry> allowAllEntries() {
        return List.of(
                new NetworkAclEntry(100, false, "-1", "0.0.0.0/0", null, true, null, null, null, null),
                new NetworkAclEntry(NetworkAclEntry.CATCH_ALL, false, "-1", "0.0.0.0/0", null, false, null, null, null, null),
                new NetworkAclEntry(100, true, "-1", "0.0.0.0/0", null, true, null, null, null, null),
                new NetworkAclEntry(NetworkAclEntry.CATCH_ALL, true, "-1", "0.0.0.0/0", null, false, null, null, null, null));
    }

    /** Adds every record to {@code batch}, each new. */
    public WriteBatch addTo(WriteBatch batch) {
        batch.put(NetworkRecords.VPCS, key(vpc.id()), WriteBatch.ABSENT, vpc)
                .put(NetworkRecords.ROUTE_TABLES, key(mainRouteTable.id()), WriteBatch.ABSENT, mainRouteTable)
                .put(NetworkRecords.NETWORK_ACLS, key(defaultAcl.id()), WriteBatch.ABSENT, defaultAcl)
                .put(NetworkRecords.SECURITY_GROUPS, key(defaultGroup.id()), WriteBatch.ABSENT, defaultGroup)
                .put(NetworkRecords.SECURITY_GROUP_NAMES, key(vpc.id() + "/" + SecurityGroup.DEFAULT_NAME),
                        WriteBatch.ABSENT, new NetworkRecords.NameClaim(defaultGroup.id()));
        return batch;
    }

    private RecordKey key(String id) {
        return new RecordKey(vpc.ownerId(), vpc.region(), id);
    }
}
