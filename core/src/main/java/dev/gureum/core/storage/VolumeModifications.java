package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** ModifyVolume and DescribeVolumesModifications. */
public final class VolumeModifications {
    private static final Logger LOG = Logger.getLogger(VolumeModifications.class.getName());

    private final Store store;
    private final BlockStore blocks;

    private final VolumeLedger ledger;

    public VolumeModifications(Store store, BlockStore blocks, VolumeLedger ledger) {
        this.store = store;
        this.blocks = blocks;
        this.ledger = ledger;
    }

    /** How many modifications EBS allows one volume in a rolling day. */
    static final int MODIFICATIONS_PER_DAY = 4;

    /**
     * ModifyVolume: a new size (never smaller), type, IOPS, throughput or Multi-Attach, each held to the
     * target type's rules. The volume takes its new shape and its bytes grow at once; the modification then
     * optimizes for a while (see {@link VolumeModification}).
     */
    public VolumeModification modify(RequestContext context, String volumeId, Integer size, String type, Integer iops,
                                     Integer throughput, Boolean multiAttach) {
        Versioned<Volume> found = Volumes.require(store, context, volumeId);
        Volume volume = found.value();
        if (size == null && type == null && iops == null && throughput == null && multiAttach == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid input: Must specify at least one of size, type,"
                    + " iops, throughput or multiAttachEnabled");
        }
        if (volume.state() != VolumeState.AVAILABLE && volume.state() != VolumeState.IN_USE) {
            throw Ec2Error.INCORRECT_STATE.exception("The volume '" + volumeId + "' is in the '"
                    + volume.state().wireName() + "' state.");
        }
        Optional<Versioned<VolumeModification>> previous = store.get(StorageRecords.MODIFICATIONS, found.key());
        Instant now = context.now();
        previous.map(Versioned::value).filter(modification -> !"completed".equals(modification.state(now)))
                .ifPresent(modification -> {
                    throw Ec2Error.INCORRECT_MODIFICATION_STATE.exception("Volume " + volumeId + " cannot be modified"
                            + " in modification state " + modification.state(now).toUpperCase(java.util.Locale.ROOT));
                });
        List<Instant> recent = new ArrayList<>(previous.map(p -> p.value().recentStarts()).orElse(List.of()));
        recent.removeIf(start -> start.isBefore(now.minus(java.time.Duration.ofDays(1))));
        if (recent.size() >= MODIFICATIONS_PER_DAY) {
            throw Ec2Error.VOLUME_MODIFICATION_RATE_EXCEEDED.exception("You've reached the maximum modification rate"
                    + " per volume limit of " + MODIFICATIONS_PER_DAY + " in 24 hours.");
        }
        int newSize = size == null ? volume.sizeGiB() : size;
        if (newSize < volume.sizeGiB()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("New size cannot be smaller than existing size");
        }
        VolumeType newType = type == null ? volume.type() : VolumeType.fromWireName(type);
        newType.requireSize(newSize);
        boolean sameType = newType == volume.type();
        Integer newIops = newType.iops(newSize, iops != null ? iops
                : sameType && newType.provisionsIops() ? volume.iops()
                : newType.provisionsIops() && !newType.equals(VolumeType.GP3) ? Integer.valueOf(3_000) : null);
        Integer newThroughput = newType.throughput(newIops == null ? 0 : newIops,
                throughput != null ? throughput : sameType ? volume.throughput() : null);
        boolean newMultiAttach = multiAttach == null ? volume.multiAttachEnabled() && newType.multiAttachable()
                : multiAttach;
        if (newMultiAttach && !newType.multiAttachable()) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Multi-Attach is supported for io1 and io2 volumes"
                    + " only, not for " + newType.wireName() + " volumes.");
        }
        recent.add(now);
        VolumeModification modification = new VolumeModification(volumeId, now, false, volume.sizeGiB(), volume.type(),
                volume.iops(), volume.throughput(), volume.multiAttachEnabled(), newSize, newType, newIops,
                newThroughput, newMultiAttach, recent);
        Volume reshaped = volume.reshaped(newSize, newType, newIops, newThroughput, newMultiAttach);
        WriteBatch batch = new WriteBatch()
                .put(StorageRecords.VOLUMES, found.key(), found.version(), reshaped)
                .put(StorageRecords.MODIFICATIONS, found.key(), previous.map(Versioned::version).orElse(WriteBatch.ABSENT),
                        modification);
        ledger.reshaped(batch, volume, reshaped, now);
        Writes.commit(store, context, batch, () -> growBytes(volume, newSize, found.key()));
        return modification;
    }

    /**
     * DescribeVolumesModifications: the latest modification of the named volumes, or of every volume; a named
     * volume never modified is {@code InvalidVolumeModification.NotFound}.
     */
    public List<VolumeModification> modifications(RequestContext context, List<String> volumeIds) {
        ResourceIds.requireWellFormed(IdKind.VOLUME, volumeIds);
        List<VolumeModification> found = new ArrayList<>();
        if (volumeIds.isEmpty()) {
            store.list(StorageRecords.MODIFICATIONS, context.account(), context.region())
                    .forEach(versioned -> found.add(versioned.value()));
        } else {
            for (String id : volumeIds) {
                Volumes.require(store, context, id);
                found.add(store.get(StorageRecords.MODIFICATIONS, Volumes.key(context, id)).orElseThrow(() ->
                        Ec2Error.VOLUME_MODIFICATION_NOT_FOUND.exception("Modification for volume '" + id
                                + "' does not exist.")).value());
            }
        }
        return found.stream().sorted(Comparator.comparing(VolumeModification::volumeId)).toList();
    }

    /** The new bytes of a grown volume; the modification then optimizes. */
    private void growBytes(Volume volume, int newSize, RecordKey key) {
        try {
            blocks.grow(volume.disk(), (long) newSize << 30);
        } catch (IOException e) {
            LOG.warning("volume " + volume.id() + " could not grow to " + newSize + " GiB yet: " + e.getMessage());
            return;
        }
        store.get(StorageRecords.MODIFICATIONS, key).ifPresent(current -> store.apply(new WriteBatch()
                .put(StorageRecords.MODIFICATIONS, key, current.version(), current.value().asApplied())));
    }
}
