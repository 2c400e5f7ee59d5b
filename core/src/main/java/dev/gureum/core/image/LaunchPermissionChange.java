package dev.gureum.core.image;

import java.util.List;

/**
 * A ModifyImageAttribute launch permission change: account ids and groups (only "all" exists) to add and
 * to remove.
 */
public record LaunchPermissionChange(List<String> addUserIds, List<String> removeUserIds, List<String> addGroups,
                                     List<String> removeGroups) {

    public LaunchPermissionChange {
        addUserIds = List.copyOf(addUserIds);
        removeUserIds = List.copyOf(removeUserIds);
        addGroups = List.copyOf(addGroups);
        removeGroups = List.copyOf(removeGroups);
    }

    public boolean isEmpty() {
        return addUserIds.isEmpty() && removeUserIds.isEmpty() && addGroups.isEmpty() && removeGroups.isEmpty();
    }
}
