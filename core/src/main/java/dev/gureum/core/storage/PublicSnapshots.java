package dev.gureum.core.storage;

import java.util.List;

/** The snapshots behind a region's public catalog images, owned by their publishers, bytes not held. */
@FunctionalInterface
public interface PublicSnapshots {

    List<Snapshot> in(String region);
}
