package dev.gureum.core.share;

import dev.gureum.core.error.Ec2Error;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A change of who may use a resource (an image's launch permission, a snapshot's create-volume
 * permission): account ids and groups (only "all" exists) to add and to remove.
 */
public record PermissionChange(List<String> addUserIds, List<String> removeUserIds, List<String> addGroups,
                               List<String> removeGroups) {

    public PermissionChange {
        addUserIds = List.copyOf(addUserIds);
        removeUserIds = List.copyOf(removeUserIds);
        addGroups = List.copyOf(addGroups);
        removeGroups = List.copyOf(removeGroups);
    }

    /** The older form of a change: OperationType (add or remove) with user ids and groups. */
    public static PermissionChange ofOperation(String operation, List<String> users, List<String> groups) {
        if ("add".equals(operation)) {
            return new PermissionChange(users, List.of(), groups, List.of());
        }
        if ("remove".equals(operation)) {
            return new PermissionChange(List.of(), users, List.of(), groups);
        }
        throw operation == null
                ? Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter OperationType")
                : Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + operation
                        + ") for parameter OperationType is invalid. Valid values: add, remove.");
    }

    public boolean isEmpty() {
        return addUserIds.isEmpty() && removeUserIds.isEmpty() && addGroups.isEmpty() && removeGroups.isEmpty();
    }

    /** Refuses an empty change, a malformed account id and any group but "all". */
    public void validate(String permissionName) {
        if (isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must name a " + permissionName
                    + " to add or remove.");
        }
        addUserIds.forEach(UserIds::requireAccountId);
        removeUserIds.forEach(UserIds::requireAccountId);
        addGroups.forEach(PermissionChange::requireGroup);
        removeGroups.forEach(PermissionChange::requireGroup);
    }

    /** The permissions after this change. */
    public Permissions applyTo(Permissions current) {
        Set<String> users = new LinkedHashSet<>(current.userIds());
        users.addAll(addUserIds);
        removeUserIds.forEach(users::remove);
        boolean isPublic = (current.isPublic() || !addGroups.isEmpty()) && removeGroups.isEmpty();
        return new Permissions(isPublic, new ArrayList<>(users));
    }

    private static void requireGroup(String group) {
        if (!Grants.EVERYONE.equals(group)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + group
                    + ") for parameter Group is invalid. The only group is all.");
        }
    }
}
