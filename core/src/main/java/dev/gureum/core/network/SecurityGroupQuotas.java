package dev.gureum.core.network;

/**
 * EC2's default security group quotas (VPC User Guide, "Amazon VPC quotas"): groups per region, and
 * rules per group in each direction, the latter counted apart for IPv4 and for IPv6.
 */
public record SecurityGroupQuotas(int groupsPerRegion, int rulesPerDirection) {
    public static final SecurityGroupQuotas DEFAULT = new SecurityGroupQuotas(2500, 60);
}
