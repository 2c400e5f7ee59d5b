package dev.gureum.core.network;

import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import java.util.List;

/** Rules every new security group starts with. */
public final class SecurityGroupRules {
    private SecurityGroupRules() {
    }

    /** The egress rule a new group gets: all traffic to anywhere (revocable, as Terraform does). */
    public static SecurityGroupRule allowAllEgress() {
        return new SecurityGroupRule(ResourceIds.next(IdKind.SECURITY_GROUP_RULE), true, "-1", -1, -1, "0.0.0.0/0",
                null, null, null, null, null, List.of());
    }
}
