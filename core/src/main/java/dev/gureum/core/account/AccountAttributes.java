package dev.gureum.core.account;

import dev.gureum.core.error.Ec2Error;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account attributes EC2 reports (Terraform's provider reads them at start-up). Values are this
 * cloud's real limits (max-instances is the configured quota); {@code default-vpc} is "none" once the user deleted the region's default VPC.
 */
public final class AccountAttributes {
    public static final int MAX_ELASTIC_IPS = 5;
    public static final int SECURITY_GROUPS_PER_INTERFACE = 5;

    private AccountAttributes() {
    }

    /** Attribute name → values, in EC2's order, restricted to {@code names} when any are given. */
    public static Map<String, List<String>> describe(List<String> names, int maxInstances, String defaultVpcId) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("supported-platforms", List.of("VPC"));
        all.put("vpc-max-security-groups-per-interface", List.of(Integer.toString(SECURITY_GROUPS_PER_INTERFACE)));
        all.put("max-elastic-ips", List.of(Integer.toString(MAX_ELASTIC_IPS)));
        all.put("max-instances", List.of(Integer.toString(maxInstances)));
        all.put("vpc-max-elastic-ips", List.of(Integer.toString(MAX_ELASTIC_IPS)));
        all.put("default-vpc", List.of(defaultVpcId == null ? "none" : defaultVpcId));
        if (names.isEmpty()) {
            return all;
        }
        Map<String, List<String>> selected = new LinkedHashMap<>();
        for (String name : names) {
            List<String> values = all.get(name);
            if (values == null) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                        + ") for parameter attributeName is invalid. Unknown attribute name.");
            }
            selected.put(name, values);
        }
        return selected;
    }
}
