package dev.gureum.core.instance;

import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.network.LaunchNetwork;
import dev.gureum.core.tag.Tag;
import java.util.List;

/** A RunInstances call in domain terms; null means "not given". */
public record LaunchRequest(String imageId, String instanceType, int minCount, int maxCount, String keyName,
                            String userData, String availabilityZone, Boolean monitoring, Boolean ebsOptimized,
                            Boolean disableApiTermination, Boolean disableApiStop, String shutdownBehavior,
                            String cpuCredits, MetadataOptions metadataOptions, String clientToken,
                            List<Tag> instanceTags, LaunchNetwork network, List<BlockDevice> blockDevices,
                            List<Tag> volumeTags, List<Tag> interfaceTags) {

    public LaunchRequest {
        instanceTags = instanceTags == null ? List.of() : List.copyOf(instanceTags);
        network = network == null ? LaunchNetwork.DEFAULTS : network;
        blockDevices = blockDevices == null ? List.of() : List.copyOf(blockDevices);
        volumeTags = volumeTags == null ? List.of() : List.copyOf(volumeTags);
        interfaceTags = interfaceTags == null ? List.of() : List.copyOf(interfaceTags);
    }

    /** A launch that tags its instances only, not their volumes or network interfaces. */
    public LaunchRequest(String imageId, String instanceType, int minCount, int maxCount, String keyName,
                         String userData, String availabilityZone, Boolean monitoring, Boolean ebsOptimized,
                         Boolean disableApiTermination, Boolean disableApiStop, String shutdownBehavior,
                         String cpuCredits, MetadataOptions metadataOptions, String clientToken,
                         List<Tag> instanceTags, LaunchNetwork network, List<BlockDevice> blockDevices) {
        this(imageId, instanceType, minCount, maxCount, keyName, userData, availabilityZone, monitoring,
                ebsOptimized, disableApiTermination, disableApiStop, shutdownBehavior, cpuCredits, metadataOptions,
                clientToken, instanceTags, network, blockDevices, List.of(), List.of());
    }

    /** Identifies the request's content for ClientToken idempotency (the token itself excluded). */
    public String fingerprint() {
        LaunchRequest withoutToken = new LaunchRequest(imageId, instanceType, minCount, maxCount, keyName, userData,
                availabilityZone, monitoring, ebsOptimized, disableApiTermination, disableApiStop, shutdownBehavior,
                cpuCredits, metadataOptions, null, instanceTags, network, blockDevices, volumeTags, interfaceTags);
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(withoutToken.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
