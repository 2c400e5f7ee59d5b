package dev.gureum.core.image;

import dev.gureum.core.tsv.TsvResource;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.share.Permissions;
import dev.gureum.core.storage.Snapshot;
import dev.gureum.core.storage.SnapshotState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public images every region offers, read once from {@code catalog.tsv} beside this class (its
 * header names the sources). Each region gets its own copy with ids derived from the region and the
 * image name, so the ids are stable across restarts and differ between regions, as AMI ids do in AWS.
 */
public final class ImageCatalog {
    private final RegionCatalog regions;
    private final List<String[]> rows;
    private final Map<String, Map<String, Image>> byRegion = new ConcurrentHashMap<>();
    private final Map<String, List<Snapshot>> snapshotsByRegion = new ConcurrentHashMap<>();

    private ImageCatalog(RegionCatalog regions, List<String[]> rows) {
        this.regions = regions;
        this.rows = rows;
    }

    /** Reads the catalog file; a region's images are built when that region is first asked about. */
    public static ImageCatalog load(RegionCatalog regions) {
        return new ImageCatalog(regions, rows());
    }

    private Map<String, Image> region(String region) {
        if (!regions.contains(region)) {
            return Map.of();
        }
        return byRegion.computeIfAbsent(region, name -> {
            Map<String, Image> images = new LinkedHashMap<>();
            for (String[] row : rows) {
                Image image = image(name, row);
                images.put(image.id(), image);
            }
            return Collections.unmodifiableMap(images);
        });
    }

    /** The catalog images of a region, in file order; none for a region Gureum does not serve. */
    public List<Image> images(String region) {
        return List.copyOf(region(region).values());
    }

    public Optional<Image> find(String region, String imageId) {
        return Optional.ofNullable(region(region).get(imageId));
    }

    /**
     * The public snapshots behind a region's catalog images: owned by each image's publisher, completed,
     * usable by everyone. Their bytes are not held, so volumes made from them read as zeros.
     */
    public List<Snapshot> snapshots(String region) {
        return snapshotsByRegion.computeIfAbsent(region, name -> images(name).stream()
                .flatMap(image -> image.blockDevices().stream().filter(device -> device.snapshotId() != null)
                        .map(device -> new Snapshot(device.snapshotId(), image.ownerId(), image.ownerAlias(), name,
                                Snapshot.NO_VOLUME, device.volumeSize(), image.description(), image.creationDate(),
                                SnapshotState.COMPLETED, false, null, new Permissions(true, List.of()), List.of())))
                .toList());
    }

    public boolean servesRegion(String region) {
        return regions.contains(region);
    }

    /** {@code <prefix>-} and 17 hex digits of SHA-256 over the parts: a stable id for a catalog object. */
    static String derivedId(String prefix, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("/", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(hash).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Image image(String region, String[] row) {
        String name = row[0];
        String rootDevice = row[5];
        String[] root = row[6].split(":");
        List<BlockDevice> devices = new ArrayList<>();
        devices.add(BlockDevice.ebs(rootDevice, derivedId("snap", region, name, rootDevice),
                Integer.parseInt(root[0]), root[1], true, false, null, null));
        if (!"-".equals(row[12])) {
            for (String mapping : row[12].split(",")) {
                String[] device = mapping.split("=");
                devices.add(BlockDevice.instanceStore(device[0], device[1]));
            }
        }
        Instant created = Instant.parse(row[13]);
        return new Image(derivedId("ami", region, name), region, row[1], row[2], name, row[4], row[3],
                optional(row[11]), row[9], row[10], rootDevice, "ebs", "hvm", true, "simple", optional(row[7]),
                optional(row[8]), null, null, null, devices, created, created, Instant.parse(row[14]), true,
                List.of(), List.of(), row[15], null, null, null, false, null);
    }

    private static String optional(String cell) {
        return "-".equals(cell) ? null : cell;
    }

    private static List<String[]> rows() {
        return TsvResource.rows(ImageCatalog.class, "catalog.tsv");
    }
}
