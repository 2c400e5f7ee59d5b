package dev.gureum.core.spot;

import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.SpotPriceSource;
import dev.gureum.core.billing.UsagePeriod;
import dev.gureum.core.instance.Instance;
import dev.gureum.core.instance.InstanceRecords;
import dev.gureum.core.instance.InstanceState;
import dev.gureum.core.instance.InstanceUsage;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.CloudClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * A Spot market per (instance type, zone) on the zone's finite vCPU pool. Each evaluation (every
 * {@link SpotPricing#INTERVAL}) moves each zone's price level toward what its use calls for
 * ({@link SpotPricing}); a change is a durable {@link PriceLevel} record, the history DescribeSpotPriceHistory
 * reads, kept {@link SpotPricing#RETENTION}. A type's price is its on-demand price × the level, so the market
 * of every type in a zone is known without storing one row per type. The change splits the metered time of
 * every Spot Instance running in the zone in the same batch, so each part of a run is billed at the price in
 * force, exactly once. After a change, {@code priceChanged} learns which zones moved (interruptions by price).
 */
public final class SpotMarket implements SpotPriceSource {
    private static final Logger LOG = Logger.getLogger(SpotMarket.class.getName());
    private static final int ATTEMPTS = 3;

    private final Store store;
    private final CloudClock clock;
    private final RegionCatalog regions;
    private final InstanceUsage usage;
    private final long zoneCapacityVcpus;
    private final BiFunction<String, String, Optional<BigDecimal>> onDemand;
    private final Meter meter;
    private final java.util.function.ToIntFunction<String> vcpusOfType;
    private final Map<String, PriceLevel> current = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile BiConsumer<String, String> priceChanged = (region, zone) -> { };

    /**
     * @param onDemand the Linux on-demand price of a type in a region, empty where none is known (no market)
     */
    public SpotMarket(Store store, CloudClock clock, RegionCatalog regions, InstanceUsage usage,
                      long zoneCapacityVcpus, BiFunction<String, String, Optional<BigDecimal>> onDemand, Meter meter,
                      java.util.function.ToIntFunction<String> vcpusOfType) {
        this.vcpusOfType = vcpusOfType;
        this.store = store;
        this.clock = clock;
        this.regions = regions;
        this.usage = usage;
        this.zoneCapacityVcpus = zoneCapacityVcpus;
        this.onDemand = onDemand;
        this.meter = meter;
    }

    /** Who hears of zones whose price changed: (region, zone), after the change is durable. */
    public void onPriceChange(BiConsumer<String, String> listener) {
        this.priceChanged = listener;
    }

    /** The zone's level in force now (before the first evaluation: what its use calls for). */
    public BigDecimal level(String region, String zone) {
        loadOnce();
        PriceLevel level = current.get(region + "/" + zone);
        return level == null ? SpotPricing.target(usage.vcpus(region, zone), zoneCapacityVcpus) : level.level();
    }

    /** A type's level in a zone now: the zone's level and the type's demand premium. */
    public BigDecimal level(String region, String zone, String instanceType) {
        loadOnce();
        PriceLevel level = current.get(region + "/" + zone);
        return level == null ? level(region, zone) : level.levelOf(instanceType);
    }

    @Override
    public BigDecimal current(String region, String zone, String instanceType) {
        return onDemand.apply(region, instanceType)
                .map(price -> SpotPricing.price(price, level(region, zone, instanceType))).orElse(null);
    }

    /** The on-demand price of a type in a region, which is also the highest its Spot price goes. */
    public BigDecimal onDemand(String region, String instanceType) {
        return onDemand.apply(region, instanceType).orElse(null);
    }

    /** Whether a type has a market in the region (it has an on-demand price). */
    public boolean trades(String region, String instanceType) {
        return onDemand.apply(region, instanceType).isPresent();
    }

    /**
     * One evaluation of every zone's market; returns the zones whose level changed. A zone changes at most once
     * per {@link SpotPricing#INTERVAL}, however often it is evaluated (a restart evaluates at once).
     */
    public synchronized List<PriceLevel> evaluate() {
        loadOnce();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.now();
            List<PriceLevel> changes = new ArrayList<>();
            List<String> changedRegions = new ArrayList<>();
            Map<String, Map<String, Long>> spotDemand = spotVcpusByZoneAndType();
            for (Region region : regions.all()) {
                for (Zone zone : region.availabilityZones()) {
                    String key = region.name() + "/" + zone.name();
                    PriceLevel was = current.get(key);
                    if (was != null && now.isBefore(was.time().plus(SpotPricing.INTERVAL))) {
                        continue;
                    }
                    BigDecimal target = SpotPricing.target(usage.vcpus(region.name(), zone.name()), zoneCapacityVcpus);
                    BigDecimal next = was == null ? target : SpotPricing.step(was.level(), target);
                    Map<String, BigDecimal> premiums = premiums(was, spotDemand.getOrDefault(key, Map.of()));
                    if (was == null || next.compareTo(was.level()) != 0 || !premiums.equals(was.demand())) {
                        changes.add(new PriceLevel(zone.name(), next, now, premiums));
                        changedRegions.add(region.name());
                    }
                }
            }
            if (changes.isEmpty()) {
                return List.of();
            }
            WriteBatch batch = new WriteBatch();
            for (int index = 0; index < changes.size(); index++) {
                PriceLevel change = changes.get(index);
                batch.put(SpotRecords.PRICE_LEVELS, SpotRecords.levelKey(changedRegions.get(index), change.zone(),
                        change.time()), WriteBatch.ABSENT, change);
            }
            splitRunningSpotTime(batch, changes, changedRegions, now);
            pruneBefore(batch, now.minus(SpotPricing.RETENTION));
            try {
                store.apply(batch.rederivable());
            } catch (VersionConflictException instanceChangedMeanwhile) {
                continue;
            }
            for (int index = 0; index < changes.size(); index++) {
                current.put(changedRegions.get(index) + "/" + changes.get(index).zone(), changes.get(index));
            }
            for (int index = 0; index < changes.size(); index++) {
                priceChanged.accept(changedRegions.get(index), changes.get(index).zone());
            }
            return changes;
        }
        LOG.warning("the Spot market evaluation lost to concurrent instance changes " + ATTEMPTS + " times");
        return List.of();
    }

    /** Each type's premium one step toward what its Spot vCPUs in the zone call for; types at none drop out. */
    private Map<String, BigDecimal> premiums(PriceLevel was, Map<String, Long> demand) {
        Map<String, BigDecimal> next = new java.util.TreeMap<>();
        java.util.Set<String> types = new java.util.TreeSet<>(demand.keySet());
        if (was != null) {
            types.addAll(was.demand().keySet());
        }
        for (String type : types) {
            BigDecimal target = SpotPricing.demandTarget(demand.getOrDefault(type, 0L), zoneCapacityVcpus);
            BigDecimal from = was == null ? target : was.demand().getOrDefault(type, BigDecimal.ZERO.setScale(4));
            BigDecimal stepped = SpotPricing.step(from, target);
            if (stepped.signum() > 0) {
                next.put(type, stepped);
            }
        }
        return next;
    }

    /** The vCPUs Spot Instances hold, per zone ({@code region/zone}) and type. */
    private Map<String, Map<String, Long>> spotVcpusByZoneAndType() {
        Map<String, Map<String, Long>> demand = new java.util.HashMap<>();
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            if (instance.spot() != null && dev.gureum.core.instance.InstanceLaunches.occupiesHost(instance.state())) {
                demand.computeIfAbsent(instance.region() + "/" + instance.availabilityZone(),
                        unused -> new java.util.TreeMap<>()).merge(instance.instanceType(),
                        (long) vcpusOfType.applyAsInt(instance.instanceType()), Long::sum);
            }
        }
        return demand;
    }

    /** Each running Spot Instance of a zone whose price moved is metered at the new price from now on. */
    private void splitRunningSpotTime(WriteBatch batch, List<PriceLevel> changes, List<String> changedRegions,
                                      Instant now) {
        Map<String, PriceLevel> levels = new java.util.HashMap<>();
        for (int index = 0; index < changes.size(); index++) {
            levels.put(changedRegions.get(index) + "/" + changes.get(index).zone(), changes.get(index));
        }
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            PriceLevel change = levels.get(instance.region() + "/" + instance.availabilityZone());
            if (instance.spot() == null || instance.state() != InstanceState.RUNNING || change == null
                    || !InstanceMeter.pricedAsLinux(instance)) {
                continue;
            }
            UsagePeriod open = InstanceMeter.openPeriod(instance);
            BigDecimal level = change.levelOf(instance.instanceType());
            onDemand.apply(instance.region(), instance.instanceType()).ifPresent(price -> {
                String next = SpotPricing.price(price, level).toPlainString();
                if (open != null && !open.sku().equals(next) && open.start().isBefore(now)) {
                    batch.put(InstanceRecords.INSTANCES, versioned.key(), versioned.version(), instance.withUsage(
                            meter.split(batch, instance.ownerId(), instance.region(), open, now, next)));
                }
            });
        }
    }

    /** History older than the retention goes, except the level still in force at its edge. */
    private void pruneBefore(WriteBatch batch, Instant cutoff) {
        for (Region region : regions.all()) {
            Map<String, List<Versioned<PriceLevel>>> byZone = byZone(region.name());
            byZone.values().forEach(levels -> {
                for (int index = 0; index + 1 < levels.size(); index++) {
                    if (!levels.get(index + 1).value().time().isAfter(cutoff)) {
                        batch.delete(SpotRecords.PRICE_LEVELS, levels.get(index).key(), levels.get(index).version());
                    }
                }
            });
        }
    }

    /** The region's recorded levels per zone, oldest first. */
    private Map<String, List<Versioned<PriceLevel>>> byZone(String region) {
        Map<String, List<Versioned<PriceLevel>>> byZone = new java.util.TreeMap<>();
        for (Versioned<PriceLevel> level : store.list(SpotRecords.PRICE_LEVELS,
                dev.gureum.core.network.NetworkRecords.EVERY_ACCOUNT, region)) {
            byZone.computeIfAbsent(level.value().zone(), unused -> new ArrayList<>()).add(level);
        }
        byZone.values().forEach(levels -> levels.sort(Comparator.comparing(level -> level.value().time())));
        return byZone;
    }

    /**
     * DescribeSpotPriceHistory's rows: for each zone (or {@code zone} only) and each type of {@code types}, every
     * change of the type's price whose time lies in [{@code start}, {@code end}] and the price already in force at
     * {@code start}, as EC2 includes it. A zone change that leaves a type's price as it was is no row of that
     * type. A null bound is open.
     */
    public List<SpotPriceEntry> history(String region, List<String> types, String productDescription, String zone,
                                        Instant start, Instant end) {
        loadOnce();
        List<SpotPriceEntry> rows = new ArrayList<>();
        byZone(region).forEach((zoneName, levels) -> {
            if (zone != null && !zone.equals(zoneName)) {
                return;
            }
            for (String type : types) {
                onDemand.apply(region, type).ifPresent(onDemandPrice -> {
                    List<SpotPriceEntry> changes = new ArrayList<>();
                    for (Versioned<PriceLevel> versioned : levels) {
                        PriceLevel level = versioned.value();
                        BigDecimal price = SpotPricing.price(onDemandPrice, level.levelOf(type));
                        if (changes.isEmpty() || changes.get(changes.size() - 1).price().compareTo(price) != 0) {
                            changes.add(new SpotPriceEntry(type, productDescription, zoneName, price, level.time()));
                        }
                    }
                    for (int index = 0; index < changes.size(); index++) {
                        SpotPriceEntry change = changes.get(index);
                        boolean afterEnd = end != null && change.time().isAfter(end);
                        Instant nextTime = index + 1 < changes.size() ? changes.get(index + 1).time() : null;
                        boolean inForceAtStart = start == null || nextTime == null || nextTime.isAfter(start);
                        if (!afterEnd && inForceAtStart) {
                            rows.add(change);
                        }
                    }
                });
            }
        });
        return rows;
    }

    private void loadOnce() {
        if (loaded) {
            return;
        }
        synchronized (current) {
            if (!loaded) {
                for (Versioned<PriceLevel> versioned : store.listAll(SpotRecords.PRICE_LEVELS)) {
                    String key = versioned.key().region() + "/" + versioned.value().zone();
                    PriceLevel known = current.get(key);
                    if (known == null || versioned.value().time().isAfter(known.time())) {
                        current.put(key, versioned.value());
                    }
                }
                loaded = true;
            }
        }
    }

    /** After the admin reset: no history any more. */
    public void wiped() {
        current.clear();
    }
}
