package dev.gureum.core.store;

import java.util.Objects;

/** Identifies one record within a kind: the owning account, its region and the resource id. */
public record RecordKey(String account, String region, String id) implements Comparable<RecordKey> {

    public RecordKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(RecordKey other) {
        int byAccount = account.compareTo(other.account);
        if (byAccount != 0) {
            return byAccount;
        }
        int byRegion = region.compareTo(other.region);
        return byRegion != 0 ? byRegion : id.compareTo(other.id);
    }
}
