package dev.gureum.core.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the metadata service tells one instance about itself, read from core's records at the moment of the
 * request (so a tag or a public address changed a second ago shows at once). {@code publicIp},
 * {@code publicKey}, {@code userData} and {@code tags} are null when there is none or (tags) when the
 * instance does not allow tags in its metadata; {@code spotAction} is the pending spot instance action.
 */
public record MetadataFacts(String accountId, String region, String availabilityZone, String availabilityZoneId,
                            String instanceId, String instanceType, String imageId, int amiLaunchIndex,
                            String reservationId, String architecture, Instant pendingTime, String lifeCycle,
                            String rootDeviceName, List<String> ebsDevices, String keyName, String publicKey,
                            List<Interface> interfaces, Map<String, String> tags, byte[] userData,
                            SpotAction spotAction) {

    /** One attached network interface; the first of {@link #interfaces()} is the primary one (device 0). */
    public record Interface(int deviceNumber, String interfaceId, String mac, List<String> privateIps,
                            String publicIp, List<String> groupIds, List<String> groupNames, String subnetId,
                            String subnetCidrBlock, String vpcId, String vpcCidrBlock, String ownerId) {
    }

    public Interface primary() {
        return interfaces.isEmpty() ? null : interfaces.get(0);
    }
}
