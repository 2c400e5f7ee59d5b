package dev.gureum.core.spot;

import dev.gureum.core.RequestContext;
import dev.gureum.core.image.BlockDevice;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceCommands;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceUsage;
import dev.gureum.core.instance.LaunchCatalog;
import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.instance.SpotFacts;
import dev.gureum.core.instance.SpotLaunch;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.instance.TypeOfferings;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Spot Instance requests: RequestSpotInstances, RunInstances on the Spot market, DescribeSpotInstanceRequests,
 * CancelSpotInstanceRequests; the evaluation of open requests is {@link SpotFulfillment}'s.
 */
public final class SpotRequests {
    private static final java.time.Duration DEFAULT_VALIDITY = java.time.Duration.ofDays(7);
    private static final BigDecimal MINIMUM_PRICE = new BigDecimal("0.001");
    private static final FilterSet<SpotRequest> FILTERS = FilterSet.<SpotRequest>builder()
            .single("spot-instance-request-id", SpotRequest::id)
            .single("state", SpotRequest::state)
            .single("status-code", SpotRequest::statusCode)
            .single("status-message", SpotRequest::statusMessage)
            .single("type", SpotRequest::type)
            .single("instance-id", SpotRequest::instanceId)
            .single("launched-availability-zone", SpotRequest::launchedAvailabilityZone)
            .single("spot-price", SpotRequest::spotPrice)
            .single("product-description", request -> "Linux/UNIX")
            .single("instance-interruption-behavior", SpotRequest::interruptionBehavior)
            .single("create-time", request -> dev.gureum.core.Timestamps.iso(request.createTime()))
            .single("valid-from", request -> request.validFrom() == null ? null
                    : dev.gureum.core.Timestamps.iso(request.validFrom()))
            .single("valid-until", request -> request.validUntil() == null ? null
                    : dev.gureum.core.Timestamps.iso(request.validUntil()))
            .single("launch.image-id", request -> request.launch().imageId())
            .single("launch.instance-type", request -> request.launch().instanceType())
            .single("launch.key-name", request -> request.launch().keyName())
            .single("launch.monitoring-enabled", request -> Boolean.toString(Boolean.TRUE.equals(
                    request.launch().monitoring())))
            .many("launch.group-id", request -> request.launch().network().groupIds())
            .many("launch.group-name", request -> request.launch().network().groupNames())
            .many("launch.block-device-mapping.device-name", request -> devices(request, BlockDevice::deviceName))
            .many("launch.block-device-mapping.snapshot-id", request -> devices(request, BlockDevice::snapshotId))
            .many("launch.block-device-mapping.volume-size", request -> devices(request, BlockDevice::volumeSize))
            .many("launch.block-device-mapping.volume-type", request -> devices(request, BlockDevice::volumeType))
            .many("launch.block-device-mapping.delete-on-termination", request -> devices(request,
                    BlockDevice::deleteOnTermination))
            .single("network-interface.device-index", request -> asInterface(request) ? "0" : null)
            .single("network-interface.subnet-id", request -> asInterface(request)
                    ? request.launch().network().subnetId() : null)
            .single("network-interface.private-ip-address", request -> request.launch().network().privateIpAddress())
            .many("network-interface.group-id", request -> asInterface(request)
                    ? request.launch().network().groupIds() : List.of())
            .single("network-interface.addresses.primary", request -> asInterface(request) ? "true" : null)
            .absent("launch.kernel-id", "launch.ramdisk-id", "network-interface.network-interface-id", "fault-code",
                    "fault-message", "availability-zone-group", "launch-group")
            .tags(SpotRequest::tags)
            .build();

    /** Whether the launch's network was given as an interface entry (the network-interface.* filters read it). */
    private static boolean asInterface(SpotRequest request) {
        return request.launch().network().asInterface();
    }

    /** A launch's block devices' values of one field, as filters match them (text; unset fields left out). */
    private static List<String> devices(SpotRequest request, java.util.function.Function<BlockDevice, Object> field) {
        return request.launch().blockDevices().stream().map(field).filter(java.util.Objects::nonNull)
                .map(String::valueOf).toList();
    }

    /** A type the region, or the zone asked for, does not offer is refused as RunInstances refuses it. */
    private void requireOffered(RequestContext context, String instanceType, String zone) {
        Region region = regions.find(context.region()).orElseThrow();
        List<String> offering = TypeOfferings.zones(catalog, region, instanceType);
        if (offering.isEmpty()) {
            throw TypeOfferings.notInRegion(instanceType, region.name());
        }
        if (zone != null && !offering.contains(zone)) {
            throw TypeOfferings.notInZone(catalog, region, instanceType, zone);
        }
    }

    /** The most instances one RequestSpotInstances may ask for (EC2 limits them by the account's Spot quota). */
    static final int MAX_INSTANCE_COUNT = 1000;

    private final Store store;
    private final CloudClock clock;
    private final RegionCatalog regions;
    private final LaunchCatalog catalog;
    private final InstanceLaunches launches;
    private final SpotMarket market;
    private final SpotFulfillment fulfillment;

    public SpotRequests(Store store, CloudClock clock, RegionCatalog regions, LaunchCatalog catalog,
                        InstanceLaunches launches, InstanceCommands commands, InstanceUsage usage, SpotMarket market,
                        long zoneCapacityVcpus) {
        this.store = store;
        this.clock = clock;
        this.regions = regions;
        this.catalog = catalog;
        this.launches = launches;
        this.market = market;
        this.fulfillment = new SpotFulfillment(store, clock, regions, catalog, launches, commands, usage, market,
                zoneCapacityVcpus);
    }

    /**
     * RequestSpotInstances: records the requests ({@code open}, {@code pending-evaluation}), then evaluates them.
     * A repeated ClientToken answers the requests it made (as they are now); with other parameters it is
     * {@code IdempotentParameterMismatch}.
     */
    public List<SpotRequest> request(RequestContext context, SpotRequestSpec spec) {
        Optional<List<SpotRequest>> repeated = repeatedToken(context, spec);
        if (repeated.isPresent()) {
            return repeated.get();
        }
        try {
            return requestOnce(context, spec);
        } catch (VersionConflictException sameTokenMeanwhile) {
            return repeatedToken(context, spec).orElseThrow(() -> sameTokenMeanwhile);
        }
    }

    private Optional<List<SpotRequest>> repeatedToken(RequestContext context, SpotRequestSpec spec) {
        if (spec.clientToken() == null || spec.clientToken().isEmpty()) {
            return Optional.empty();
        }
        return store.get(SpotRecords.CLIENT_TOKENS, SpotRecords.requestKey(context.account(), context.region(),
                spec.clientToken())).map(token -> {
                    if (!token.value().requestFingerprint().equals(spec.fingerprint())) {
                        throw Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH.exception("The client token you have provided is"
                                + " associated with a resource that is already deleted or a request with different"
                                + " parameters. Please use a different client token.");
                    }
                    return token.value().requestIds().stream().map(id -> store.get(SpotRecords.REQUESTS,
                            SpotRecords.requestKey(context.account(), context.region(), id)))
                            .flatMap(Optional::stream).map(Versioned::value).toList();
                });
    }

    private List<SpotRequest> requestOnce(RequestContext context, SpotRequestSpec spec) {
        String type = spec.type() == null ? SpotRequest.ONE_TIME : spec.type();
        if (!type.equals(SpotRequest.ONE_TIME) && !type.equals(SpotRequest.PERSISTENT)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + type + ") for parameter type is invalid.");
        }
        int count = spec.instanceCount() == null ? 1 : spec.instanceCount();
        if (count < 1) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + count
                    + ") for parameter instanceCount is invalid. Expected a value greater than or equal to 1.");
        }
        if (count > MAX_INSTANCE_COUNT) {
            throw Ec2Error.MAX_SPOT_INSTANCE_COUNT_EXCEEDED.exception("Max spot instance count exceeded: one request"
                    + " asks for at most " + MAX_INSTANCE_COUNT + " instances.");
        }
        if (spec.launch() == null || spec.launch().imageId() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter LaunchSpecification.ImageId");
        }
        String behavior = interruptionBehavior(spec.interruptionBehavior(), type);
        Instant now = context.now();
        requireFuture(spec.validUntil(), "validUntil", now);
        requireFuture(spec.validFrom(), "validFrom", now);
        if (spec.validFrom() != null && spec.validUntil() != null && !spec.validFrom().isBefore(spec.validUntil())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("validFrom must be before validUntil.");
        }
        // without one, a request is valid for seven days from its creation, as EC2's are
        Instant validUntil = spec.validUntil() != null ? spec.validUntil()
                : now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plus(DEFAULT_VALIDITY);
        LaunchRequest launch = singleLaunch(spec.launch());
        String instanceType = launch.instanceType();
        if (launch.availabilityZone() != null && regions.find(context.region()).orElseThrow().availabilityZones()
                .stream().noneMatch(zone -> zone.name().equals(launch.availabilityZone()))) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid availability zone: ["
                    + launch.availabilityZone() + "]");
        }
        catalog.image(context, launch.imageId());
        catalog.type(instanceType);
        requireOffered(context, instanceType, launch.availabilityZone());
        String maxPrice = maxPrice(context.region(), instanceType, spec.spotPrice());
        TagRules.validate(spec.tags());
        List<SpotRequest> made = new ArrayList<>(count);
        WriteBatch batch = new WriteBatch();
        for (int index = 0; index < count; index++) {
            SpotRequest request = new SpotRequest(nextId(), type, maxPrice, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    spec.validFrom(), validUntil, behavior, launch, "open",
                    SpotStatus.PENDING_EVALUATION.code(), SpotStatus.PENDING_EVALUATION.message(), now, null, null,
                    spec.tags());
            made.add(request);
            batch.put(SpotRecords.REQUESTS, SpotRecords.requestKey(context.account(), context.region(), request.id()),
                    WriteBatch.ABSENT, request);
        }
        if (spec.clientToken() != null && !spec.clientToken().isEmpty()) {
            batch.put(SpotRecords.CLIENT_TOKENS, SpotRecords.requestKey(context.account(), context.region(),
                    spec.clientToken()), WriteBatch.ABSENT, new SpotClientToken(spec.clientToken(), spec.fingerprint(),
                    made.stream().map(SpotRequest::id).toList()));
        }
        Writes.commit(store, context, batch, () -> made.forEach(request -> fulfillment.evaluate(context.account(),
                context.region(), request.id())));
        return made;
    }

    /**
     * RunInstances with InstanceMarketOptions: one Spot request per instance, fulfilled at once or refused —
     * {@code SpotMaxPriceTooLow} when the maximum is below the Spot price, InsufficientInstanceCapacity when the
     * zone has no spare room. The requests carry {@code requestTags}.
     */
    public List<Instance> runInstances(RequestContext context, LaunchRequest request, String maxPriceGiven,
                                       String spotInstanceType, String behaviorGiven, Instant validUntil,
                                       List<Tag> requestTags) {
        TagRules.validate(requestTags);
        TagRules.merge(List.of(), requestTags);
        String type = spotInstanceType == null ? SpotRequest.ONE_TIME : spotInstanceType;
        if (!type.equals(SpotRequest.ONE_TIME) && !type.equals(SpotRequest.PERSISTENT)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + type + ") for parameter spotInstanceType is invalid.");
        }
        String behavior = interruptionBehavior(behaviorGiven, type);
        if (type.equals(SpotRequest.PERSISTENT) && behavior.equals("terminate")) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Persistent Spot Instance requests launched with"
                    + " RunInstances must use the interruption behavior stop or hibernate.");
        }
        if (validUntil != null && type.equals(SpotRequest.ONE_TIME)) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("ValidUntil is supported only for persistent"
                    + " Spot Instance requests.");
        }
        requireFuture(validUntil, "validUntil", context.now());
        String instanceType = request.instanceType() == null ? "m1.small" : request.instanceType();
        String maxPrice = maxPrice(context.region(), instanceType, maxPriceGiven);
        Zone zone = request.availabilityZone() != null ? regions.findZone(request.availabilityZone()).orElse(null)
                : fulfillment.subnetZone(context, request).orElseGet(() -> fulfillment.cheapestZone(context.region(), instanceType, null)
                        .orElse(null));
        if (zone != null) {
            BigDecimal price = market.current(zone.regionName(), zone.name(), instanceType);
            if (price != null && new BigDecimal(maxPrice).compareTo(price) < 0) {
                throw Ec2Error.SPOT_MAX_PRICE_TOO_LOW.exception("Your Spot request price of " + maxPrice
                        + " is lower than the minimum required Spot request fulfillment price of "
                        + SpotPricing.show(price) + ".");
            }
        }
        LaunchRequest placed = zone == null || request.network().subnetId() != null ? request
                : SpotFulfillment.withZone(request, zone.name());
        Instant now = context.now();
        List<String> ids = new ArrayList<>();
        for (int index = 0; index < Math.max(1, request.maxCount()); index++) {
            ids.add(nextId());
        }
        LaunchRequest single = singleLaunch(request);
        return launches.launch(context, placed, new SpotLaunch(
                ids.stream().map(id -> new SpotFacts(id, type.equals(SpotRequest.PERSISTENT), behavior, null, null)).toList(), (batch, launched) -> {
                    for (Instance instance : launched) {
                        SpotRequest made = new SpotRequest(instance.spot().requestId(), type, maxPrice,
                                now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, validUntil, behavior,
                                single, SpotStatus.FULFILLED.state(type.equals(SpotRequest.PERSISTENT)),
                                SpotStatus.FULFILLED.code(), SpotStatus.FULFILLED.message(), now, instance.id(),
                                instance.availabilityZone(), requestTags);
                        batch.put(SpotRecords.REQUESTS, SpotRecords.requestKey(context.account(), context.region(),
                                made.id()), WriteBatch.ABSENT, made);
                    }
                }));
    }

    public Page<SpotRequest> describe(RequestContext context, List<String> ids, List<Filter> filters,
                                      Integer maxResults, String nextToken) {
        List<SpotRequest> all = store.list(SpotRecords.REQUESTS, context.account(), context.region()).stream()
                .map(Versioned::value).toList();
        List<SpotRequest> chosen = all;
        if (!ids.isEmpty()) {
            List<String> missing = new ArrayList<>();
            List<SpotRequest> named = new ArrayList<>();
            for (String id : new LinkedHashSet<>(ids)) {
                requireWellFormed(id);
                all.stream().filter(request -> request.id().equals(id)).findFirst()
                        .ifPresentOrElse(named::add, () -> missing.add(id));
            }
            if (!missing.isEmpty()) {
                throw Ec2Error.SPOT_REQUEST_ID_NOT_FOUND.exception("The spot instance request ID '"
                        + String.join(", ", missing) + "' does not exist");
            }
            chosen = named;
        }
        var predicate = FILTERS.compile(filters);
        List<SpotRequest> matching = chosen.stream().filter(predicate).sorted(Comparator.comparing(SpotRequest::id))
                .toList();
        return Pages.pageAtMost("DescribeSpotInstanceRequests",
                matching, SpotRequest::id, maxResults, nextToken, 5, 1000);
    }

    /** CancelSpotInstanceRequests: each request's state afterwards; their instances keep running. */
    public List<SpotRequest> cancel(RequestContext context, List<String> ids) {
        if (ids.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter SpotInstanceRequestId");
        }
        ids.forEach(SpotRequests::requireWellFormed);
        WriteBatch batch = new WriteBatch();
        List<SpotRequest> after = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            RecordKey key = SpotRecords.requestKey(context.account(), context.region(), id);
            Optional<Versioned<SpotRequest>> found = store.get(SpotRecords.REQUESTS, key);
            if (found.isEmpty()) {
                missing.add(id);
                continue;
            }
            SpotRequest request = found.get().value();
            SpotRequest next = switch (request.state()) {
                case "open" -> request.withStatus(SpotStatus.CANCELED_BEFORE_FULFILLMENT, null, context.now());
                case "active", "disabled" -> request.withStatus(SpotStatus.REQUEST_CANCELED_AND_INSTANCE_RUNNING, null,
                        context.now());
                default -> request;
            };
            if (next != request) {
                batch.put(SpotRecords.REQUESTS, key, found.get().version(), next);
            }
            after.add(next);
        }
        if (!missing.isEmpty()) {
            throw Ec2Error.SPOT_REQUEST_ID_NOT_FOUND.exception("The spot instance request ID '"
                    + String.join(", ", missing) + "' does not exist");
        }
        Writes.commit(store, context, batch, () -> { });
        return after;
    }

    /** Evaluates every open request, and restarts interrupted stopped instances of persistent ones. */
    public void fulfillOpen() {
        fulfillment.fulfillOpen();
    }

    /** The maximum price: as given (at least $0.001), or the type's on-demand price. */
    private String maxPrice(String region, String instanceType, String given) {
        if (!market.trades(region, instanceType)) {
            throw Ec2Error.UNSUPPORTED.exception("The instance type " + instanceType
                    + " has no Spot market in " + region + " (Gureum knows no on-demand price for it).");
        }
        if (given == null || given.isEmpty()) {
            return SpotPricing.show(market.onDemand(region, instanceType));
        }
        BigDecimal price;
        try {
            price = new BigDecimal(given);
        } catch (NumberFormatException e) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Invalid value '" + given + "' for spotPrice.");
        }
        if (price.compareTo(MINIMUM_PRICE) < 0) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The maximum price must be at least USD $0.001.");
        }
        return SpotPricing.show(price);
    }

    /** terminate by default; stop and hibernate only for persistent requests, as EC2 requires. */
    private static String interruptionBehavior(String given, String type) {
        String behavior = given == null ? "terminate" : given;
        if (!List.of("terminate", "stop", "hibernate").contains(behavior)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + behavior
                    + ") for parameter instanceInterruptionBehavior is invalid.");
        }
        if (!behavior.equals("terminate") && !type.equals(SpotRequest.PERSISTENT)) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception("The request with type '" + type
                    + "' is not supported when instanceInterruptionBehavior is set to '" + behavior + "'.");
        }
        return behavior;
    }

    private static LaunchRequest singleLaunch(LaunchRequest launch) {
        return new LaunchRequest(launch.imageId(), launch.instanceType() == null ? "m1.small" : launch.instanceType(),
                1, 1, launch.keyName(), launch.userData(), launch.availabilityZone(), launch.monitoring(),
                launch.ebsOptimized(), null, null, null, null, launch.metadataOptions(), null, launch.instanceTags(),
                launch.network(), launch.blockDevices(), launch.volumeTags(), launch.interfaceTags());
    }

    private static void requireWellFormed(String id) {
        if (!ResourceIds.isWellFormed(IdKind.SPOT_INSTANCE_REQUEST, id)) {
            throw Ec2Error.SPOT_REQUEST_ID_MALFORMED.exception("Invalid id: \"" + id + "\"");
        }
    }

    /** A request id as EC2 shapes them: {@code sir-} and eight characters. */
    private static String nextId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "sir-" + HexFormat.of().formatHex(random);
    }

    /** A request's ValidFrom or ValidUntil, when given, must be in the future. */
    private static void requireFuture(Instant value, String member, Instant now) {
        if (value != null && !value.isAfter(now)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception(member + " (" + value + ") must be in the future.");
        }
    }
}
