package dev.gureum.core.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The latest ModifyVolume of a volume: what it was and what it becomes, and when it started. It is
 * {@code modifying} until the volume takes its new shape (at once here), then {@code optimizing} while the
 * data settles — a second per 64 GiB added, at least one, on the cloud clock — then {@code completed}.
 * {@code recentStarts} keeps the starts of the last day, for EBS's limit of modifications per volume.
 */
public record VolumeModification(String volumeId, Instant startTime, boolean applied,
                                 int originalSize, VolumeType originalType, Integer originalIops,
                                 Integer originalThroughput, boolean originalMultiAttach,
                                 int targetSize, VolumeType targetType, Integer targetIops, Integer targetThroughput,
                                 boolean targetMultiAttach, List<Instant> recentStarts) {
    private static final long GIB_PER_SECOND = 64;

    public VolumeModification {
        recentStarts = recentStarts == null ? List.of() : List.copyOf(recentStarts);
    }

    /** modifying, optimizing or completed, as of {@code now}. */
    public String state(Instant now) {
        if (!applied) {
            return "modifying";
        }
        return now.isBefore(endTime()) ? "optimizing" : "completed";
    }

    /** How far along it is, in percent, as EBS reports it. */
    public long progress(Instant now) {
        if (!applied) {
            return 0;
        }
        long total = Duration.between(startTime, endTime()).toMillis();
        long done = Duration.between(startTime, now).toMillis();
        return Math.min(100, Math.max(0, done * 100 / Math.max(1, total)));
    }

    public Instant endTime() {
        long seconds = Math.max(1, (targetSize - originalSize) / GIB_PER_SECOND);
        return startTime.plusSeconds(seconds);
    }

    public VolumeModification asApplied() {
        return new VolumeModification(volumeId, startTime, true, originalSize, originalType, originalIops,
                originalThroughput, originalMultiAttach, targetSize, targetType, targetIops, targetThroughput,
                targetMultiAttach, recentStarts);
    }
}
