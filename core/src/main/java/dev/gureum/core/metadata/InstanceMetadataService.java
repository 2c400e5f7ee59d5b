package dev.gureum.core.metadata;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.LaunchCatalog;
import dev.gureum.core.instance.MetadataOptions;
import dev.gureum.core.network.InstanceNetworkView;
import dev.gureum.core.network.NetworkInterface;
import dev.gureum.core.network.NetworkInterfaceService;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.network.Subnet;
import dev.gureum.core.network.Vpc;
import dev.gureum.core.runtime.InstanceMetadataSource;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.MetadataAnswer;
import dev.gureum.core.runtime.MetadataRequest;
import dev.gureum.core.storage.AttachedVolumes;
import dev.gureum.core.storage.VolumeAttachment;
import dev.gureum.core.storage.VolumeAttachments;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.time.CloudClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * EC2's instance metadata service (IMDS) for the instance a runtime says sent the request, answered from the
 * current records:
 * <ul>
 *   <li>{@code PUT /latest/api/token} with {@code X-aws-ec2-metadata-token-ttl-seconds} 1 to 21600 issues an
 *   IMDSv2 token (400 without a valid TTL, 403 when the request carries {@code X-Forwarded-For}, since it then
 *   came through a proxy); its answer carries the instance's PUT response hop limit for the runtime;</li>
 *   <li>a GET with {@code X-aws-ec2-metadata-token} must carry a live token of this instance (else 401); a GET
 *   without one is IMDSv1, refused with 401 when the instance's HttpTokens is {@code required};</li>
 *   <li>HttpEndpoint {@code disabled}: every request answers 403;</li>
 *   <li>other methods answer 405; paths that do not exist (or have nothing to say) 404.</li>
 * </ul>
 */
public final class InstanceMetadataService implements InstanceMetadataSource {
    static final String TOKEN_PATH = "/latest/api/token";
    static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
    static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";

    private final Store store;
    private final CloudClock clock;
    private final MetadataTokens tokens;
    private final NetworkInterfaceService interfaces;
    private final LaunchCatalog catalog;
    private final SpotMetadata spot;
    private final VolumeAttachments volumes;

    public InstanceMetadataService(Store store, CloudClock clock, MetadataTokens tokens,
                                   NetworkInterfaceService interfaces, LaunchCatalog catalog, SpotMetadata spot,
                                   VolumeAttachments volumes) {
        this.store = store;
        this.volumes = volumes;
        this.clock = clock;
        this.tokens = tokens;
        this.interfaces = interfaces;
        this.catalog = catalog;
        this.spot = spot;
    }

    @Override
    public MetadataAnswer answer(InstanceRef ref, MetadataRequest request) {
        Optional<Instance> found = store.get(InstanceRecords.INSTANCES,
                new RecordKey(ref.account(), ref.region(), ref.instanceId())).map(Versioned::value);
        if (found.isEmpty() || found.get().state() == InstanceState.TERMINATED
                || found.get().state() == InstanceState.STOPPED) {
            return MetadataErrors.NOT_FOUND;
        }
        Instance instance = found.get();
        MetadataOptions options = instance.metadataOptions();
        if (!options.endpointEnabled()) {
            return MetadataErrors.FORBIDDEN;
        }
        Instant now = clock.now();
        String path = request.path();
        if (path.equals(TOKEN_PATH) || path.equals(TOKEN_PATH + "/")) {
            return "PUT".equals(request.method()) ? token(ref, request, options, now) : MetadataErrors.METHOD_NOT_ALLOWED;
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            return MetadataErrors.METHOD_NOT_ALLOWED;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String token = request.header(TOKEN_HEADER);
        if (token != null) {
            OptionalLong left = tokens.remainingSeconds(token, ref, now);
            if (left.isEmpty()) {
                return MetadataErrors.UNAUTHORIZED;
            }
            headers.put(TTL_HEADER, String.valueOf(left.getAsLong()));
        } else if (options.tokensRequired()) {
            return MetadataErrors.UNAUTHORIZED;
        }
        Optional<byte[]> body = MetadataTree.of(facts(ref, instance, options, now)).read(path);
        if (body.isEmpty()) {
            return MetadataErrors.NOT_FOUND;
        }
        return new MetadataAnswer(200, "text/plain", headers, body.get(), 0);
    }

    private MetadataAnswer token(InstanceRef ref, MetadataRequest request, MetadataOptions options, Instant now) {
        if (request.header("X-Forwarded-For") != null) {
            return MetadataErrors.FORBIDDEN;
        }
        String ttl = request.header(TTL_HEADER);
        if (ttl == null || !ttl.strip().matches("\\d{1,5}")) {
            return MetadataErrors.MISSING_OR_INVALID_PARAMETERS;
        }
        int seconds = Integer.parseInt(ttl.strip());
        if (seconds < 1 || seconds > MetadataTokens.MAX_TTL_SECONDS) {
            return MetadataErrors.MISSING_OR_INVALID_PARAMETERS;
        }
        return new MetadataAnswer(200, "text/plain", Map.of(TTL_HEADER, String.valueOf(seconds)),
                tokens.issue(ref, seconds, now).getBytes(StandardCharsets.US_ASCII), options.httpPutResponseHopLimit());
    }

    private MetadataFacts facts(InstanceRef ref, Instance instance, MetadataOptions options, Instant now) {
        RequestContext context = new RequestContext(ref.account(), ref.region(), "metadata", now, false);
        List<MetadataFacts.Interface> attached = new ArrayList<>();
        String zoneId = null;
        if (instance.network() != null) {
            InstanceNetworkView view = interfaces.view(context, List.of(instance.network().primaryInterfaceId()));
            for (NetworkInterface eni : view.interfaces(instance.id())) {
                Optional<Subnet> subnet = record(NetworkRecords.SUBNETS, ref, eni.subnetId());
                Optional<Vpc> vpc = record(NetworkRecords.VPCS, ref, eni.vpcId());
                if (zoneId == null) {
                    zoneId = subnet.map(Subnet::availabilityZoneId).orElse(null);
                }
                List<String> privateIps = eni.privateAddresses().stream()
                        .sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
                        .map(NetworkInterface.PrivateAddress::address).toList();
                attached.add(new MetadataFacts.Interface(eni.attachment().deviceIndex(), eni.id(), eni.macAddress(),
                        privateIps, eni.publicAddress() == null ? null : eni.publicAddress().publicIp(),
                        eni.groupIds(), eni.groupIds().stream().map(view::groupName).toList(), eni.subnetId(),
                        subnet.map(Subnet::cidrBlock).orElse(null), eni.vpcId(),
                        vpc.map(Vpc::cidrBlock).orElse(null), eni.ownerId()));
            }
        }
        Map<String, String> tags = null;
        if (options.tagsEnabled()) {
            tags = new LinkedHashMap<>();
            for (Tag tag : instance.tags()) {
                tags.put(tag.key(), tag.value());
            }
        }
        return new MetadataFacts(instance.ownerId(), instance.region(), instance.availabilityZone(), zoneId,
                instance.id(), instance.instanceType(), instance.imageId(), instance.amiLaunchIndex(),
                instance.reservationId(), instance.architecture(), instance.launchTime(), spot.lifeCycle(instance),
                instance.rootDeviceName(), ebsDevices(context, instance), instance.keyName(), publicKey(context, instance), attached, tags,
                userData(instance), spot.pendingAction(instance));
    }

    /**
     * The devices of the EBS volumes besides the root one that were attached when the instance last started
     * (EC2 lists a volume attached later only after the next start), in device order.
     */
    private List<String> ebsDevices(RequestContext context, Instance instance) {
        return volumes.attachedTo(context, java.util.Set.of(instance.id())).of(instance.id()).stream()
                .map(AttachedVolumes.Attached::attachment)
                .filter(attachment -> !attachment.device().equals(instance.rootDeviceName()))
                .filter(attachment -> !attachment.attachTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                        .isAfter(instance.launchTime()))
                .map(VolumeAttachment::device).sorted().toList();
    }

    private <T> Optional<T> record(dev.gureum.core.store.RecordKind<T> kind, InstanceRef ref, String id) {
        return id == null ? Optional.empty()
                : store.get(kind, new RecordKey(ref.account(), ref.region(), id)).map(Versioned::value);
    }

    /** The key pair's public key as EC2 serves it; none when the instance has no key or its pair was deleted. */
    private String publicKey(RequestContext context, Instance instance) {
        if (instance.keyName() == null) {
            return null;
        }
        try {
            return catalog.publicKey(context, instance.keyName());
        } catch (CloudException deleted) {
            return null;
        }
    }

    private static byte[] userData(Instance instance) {
        if (instance.userData() == null || instance.userData().isEmpty()) {
            return null;
        }
        return Base64.getMimeDecoder().decode(instance.userData());
    }
}
