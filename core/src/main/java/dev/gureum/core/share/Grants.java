package dev.gureum.core.share;

import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.WriteBatch;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Grant indexes: a resource shared with an account is filed under that account (or under "all" when
 * public) by a small index record, written in the same batch as the owner's permission change, so an
 * account finds what is shared with it without reading other accounts' records.
 */
public final class Grants {
    /** The pseudo-account public resources are filed under; EC2 calls the group "all". */
    public static final String EVERYONE = "all";

    private Grants() {
    }

    /** Adds the puts and deletes that move resource {@code id}'s grants from {@code before} to {@code after}. */
    public static <G> void regrant(WriteBatch batch, RecordKind<G> kind, String region, String id,
                                   Permissions before, Permissions after, Supplier<G> grant) {
        Set<String> had = before.grantees();
        Set<String> has = after.grantees();
        for (String grantee : had) {
            if (!has.contains(grantee)) {
                batch.delete(kind, new RecordKey(grantee, region, id), WriteBatch.ANY);
            }
        }
        for (String grantee : has) {
            if (!had.contains(grantee)) {
                batch.put(kind, new RecordKey(grantee, region, id), WriteBatch.ANY, grant.get());
            }
        }
    }
}
