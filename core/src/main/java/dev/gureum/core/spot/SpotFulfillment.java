package dev.gureum.core.spot;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceCommands;
import dev.gureum.core.instance.InstanceEvent;
import dev.gureum.core.instance.InstanceLaunches;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.InstanceUsage;
import dev.gureum.core.instance.LaunchCatalog;
import dev.gureum.core.instance.LaunchRequest;
import dev.gureum.core.instance.SpotFacts;
import dev.gureum.core.instance.SpotLaunch;
import dev.gureum.core.instance.StateReason;
import dev.gureum.core.network.NetworkRecords;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The evaluation of Spot requests, at once after RequestSpotInstances and on a round every few seconds of the
 * cloud clock. A request is fulfilled when it is within its validity window, its maximum price is at least the
 * Spot price of its zone and the zone has spare vCPUs (Spot never takes capacity from anyone: it is what
 * on-demand leaves); the launch and the request's new state commit in one batch ({@link SpotLaunch}). Without a
 * zone, the cheapest zone offering the type with room is taken. A persistent request whose instance EC2 stopped
 * starts it again when price and room allow.
 */
final class SpotFulfillment {
    private static final Logger LOG = Logger.getLogger(SpotFulfillment.class.getName());

    private final Store store;
    private final CloudClock clock;
    private final RegionCatalog regions;
    private final LaunchCatalog catalog;
    private final InstanceLaunches launches;
    private final InstanceCommands commands;
    private final InstanceUsage usage;
    private final SpotMarket market;
    private final long zoneCapacityVcpus;

    SpotFulfillment(Store store, CloudClock clock, RegionCatalog regions, LaunchCatalog catalog,
                    InstanceLaunches launches, InstanceCommands commands, InstanceUsage usage, SpotMarket market,
                    long zoneCapacityVcpus) {
        this.store = store;
        this.clock = clock;
        this.regions = regions;
        this.catalog = catalog;
        this.launches = launches;
        this.commands = commands;
        this.usage = usage;
        this.market = market;
        this.zoneCapacityVcpus = zoneCapacityVcpus;
    }

    /** Evaluates every open request, and restarts interrupted stopped instances of persistent ones. */
    void fulfillOpen() {
        for (Versioned<SpotRequest> versioned : store.listAll(SpotRecords.REQUESTS)) {
            String state = versioned.value().state();
            if (state.equals("open") || state.equals("disabled")) {
                evaluate(versioned.key().account(), versioned.key().region(), versioned.value().id());
            }
        }
    }

    /** One evaluation of one request: expire, hold (with its reason), launch, or restart its stopped instance. */
    synchronized void evaluate(String account, String region, String id) {
        RecordKey key = SpotRecords.requestKey(account, region, id);
        Optional<Versioned<SpotRequest>> found = store.get(SpotRecords.REQUESTS, key);
        if (found.isEmpty()) {
            return;
        }
        SpotRequest request = found.get().value();
        Instant now = clock.now();
        RequestContext owner = new RequestContext(account, region, "spot-fulfillment", now, false);
        if (request.state().equals("disabled")) {
            restartStopped(owner, request);
            return;
        }
        if (!request.state().equals("open")) {
            return;
        }
        if (request.validUntil() != null && !now.isBefore(request.validUntil())) {
            setStatus(key, found.get(), SpotStatus.SCHEDULE_EXPIRED, null, now);
            return;
        }
        if (request.validFrom() != null && now.isBefore(request.validFrom())) {
            setStatus(key, found.get(), SpotStatus.NOT_SCHEDULED_YET, null, now);
            return;
        }
        String type = request.launch().instanceType();
        BigDecimal max = new BigDecimal(request.spotPrice());
        Optional<Zone> fixed = request.launch().availabilityZone() != null
                ? regions.findZone(request.launch().availabilityZone()) : subnetZone(owner, request.launch());
        // without a zone of its own, the cheapest zone within its price, or else the cheapest with room: then the
        // price is what stands in the way (price-too-low), not capacity
        Optional<Zone> zone = fixed.isPresent() ? fixed
                : cheapestZone(region, type, max).or(() -> cheapestZone(region, type, null));
        if (zone.isEmpty()) {
            setStatus(key, found.get(), SpotStatus.CAPACITY_NOT_AVAILABLE, null, now);
            return;
        }
        BigDecimal price = market.current(region, zone.get().name(), type);
        if (price != null && max.compareTo(price) < 0) {
            setStatus(key, found.get(), SpotStatus.PRICE_TOO_LOW, "Your Spot request price of " + request.spotPrice()
                    + " is lower than the minimum required Spot request fulfillment price of " + SpotPricing.show(price)
                    + ".", now);
            return;
        }
        if (spareVcpus(region, zone.get().name()) < catalog.type(type).vcpus()) {
            setStatus(key, found.get(), SpotStatus.CAPACITY_NOT_AVAILABLE, null, now);
            return;
        }
        LaunchRequest launch = request.launch().network().subnetId() != null ? request.launch()
                : withZone(request.launch(), zone.get().name());
        try {
            launches.launch(owner, launch, new SpotLaunch(List.of(new SpotFacts(request.id(),
                    request.persistent(), request.interruptionBehavior(), null, null)), (batch, launched) -> batch.put(SpotRecords.REQUESTS,
                    key, found.get().version(), request.withInstance(launched.get(0).id(),
                            launched.get(0).availabilityZone()).withStatus(SpotStatus.FULFILLED, null, now))));
        } catch (VersionConflictException changedMeanwhile) {
            // evaluated again on the next round
        } catch (CloudException refused) {
            if (refused.code() == Ec2Error.INSUFFICIENT_INSTANCE_CAPACITY) {
                setStatus(key, found.get(), SpotStatus.CAPACITY_NOT_AVAILABLE, null, now);
            } else {
                setStatus(key, found.get(), SpotStatus.BAD_PARAMETERS, refused.getMessage(), now);
            }
        }
    }

    /** A persistent request's instance stopped by an interruption starts again when price and room allow. */
    private void restartStopped(RequestContext owner, SpotRequest request) {
        if (request.instanceId() == null) {
            return;
        }
        Optional<Instance> instance = store.get(InstanceRecords.INSTANCES, new RecordKey(owner.account(),
                owner.region(), request.instanceId())).map(Versioned::value);
        if (instance.isEmpty() || instance.get().state() != InstanceState.STOPPED || instance.get().spot() == null
                || !instance.get().spot().marked()) {
            return;
        }
        Instance stopped = instance.get();
        BigDecimal price = market.current(owner.region(), stopped.availabilityZone(), stopped.instanceType());
        if (price != null && new BigDecimal(request.spotPrice()).compareTo(price) < 0
                || spareVcpus(owner.region(), stopped.availabilityZone()) < catalog.type(stopped.instanceType()).vcpus()) {
            return;
        }
        try {
            commands.apply(owner, List.of(stopped.id()), InstanceEvent.START, new InstanceCommands.ServiceCommand(
                    StateReason.PENDING, "", started -> started.withSpot(started.spot().unmarked())));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Spot restart of " + stopped.id() + " waits for the next round", e);
        }
    }

    private void setStatus(RecordKey key, Versioned<SpotRequest> found, SpotStatus status, String message,
                           Instant now) {
        SpotRequest request = found.value();
        String text = message == null ? status.message() : message;
        if (request.statusCode().equals(status.code()) && request.statusMessage().equals(text)) {
            return;
        }
        WriteBatch batch = new WriteBatch();
        batch.put(SpotRecords.REQUESTS, key, found.version(), request.withStatus(status, text, now));
        try {
            store.apply(batch);
        } catch (VersionConflictException changedMeanwhile) {
            // evaluated again on the next round
        }
    }

    private long spareVcpus(String region, String zone) {
        return zoneCapacityVcpus - usage.vcpus(region, zone);
    }

    /** The zone offering the type at the lowest Spot price within {@code max} (any, when null) with room for it. */
    Optional<Zone> cheapestZone(String region, String type, BigDecimal max) {
        int vcpus = catalog.type(type).vcpus();
        return regions.find(region).orElseThrow().availabilityZones().stream()
                .filter(zone -> catalog.offered(type, zone.name()))
                .filter(zone -> spareVcpus(region, zone.name()) >= vcpus)
                .filter(zone -> max == null || market.current(region, zone.name(), type) == null
                        || market.current(region, zone.name(), type).compareTo(max) <= 0)
                .min(Comparator.comparing((Zone zone) -> Optional.ofNullable(market.current(region, zone.name(), type))
                        .orElse(BigDecimal.ZERO)).thenComparing(Zone::name));
    }

    Optional<Zone> subnetZone(RequestContext context, LaunchRequest launch) {
        String subnetId = launch.network().subnetId();
        if (subnetId == null) {
            return Optional.empty();
        }
        return store.get(NetworkRecords.SUBNETS, new RecordKey(context.account(), context.region(), subnetId))
                .flatMap(subnet -> regions.findZone(subnet.value().availabilityZone()));
    }

    static LaunchRequest withZone(LaunchRequest launch, String zone) {
        return new LaunchRequest(launch.imageId(), launch.instanceType(), launch.minCount(), launch.maxCount(),
                launch.keyName(), launch.userData(), zone, launch.monitoring(), launch.ebsOptimized(),
                launch.disableApiTermination(), launch.disableApiStop(), launch.shutdownBehavior(), launch.cpuCredits(),
                launch.metadataOptions(), launch.clientToken(), launch.instanceTags(), launch.network(),
                launch.blockDevices(), launch.volumeTags(), launch.interfaceTags());
    }
}
