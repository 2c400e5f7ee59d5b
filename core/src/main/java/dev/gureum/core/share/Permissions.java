package dev.gureum.core.share;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who besides its owner may use a resource: everyone (public) and/or these accounts. */
public record Permissions(boolean isPublic, List<String> userIds) {
    public static final Permissions PRIVATE = new Permissions(false, List.of());

    public Permissions {
        userIds = List.copyOf(userIds);
    }

    /** The accounts the resource is filed under in a grant index, "all" standing for everyone. */
    public Set<String> grantees() {
        Set<String> grantees = new LinkedHashSet<>(userIds);
        if (isPublic) {
            grantees.add(Grants.EVERYONE);
        }
        return grantees;
    }

    public boolean allows(String account) {
        return isPublic || userIds.contains(account);
    }
}
