package dev.gureum.core.spot;

import dev.gureum.core.billing.InstanceMeter;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.SpotPriceSource;
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
    private final Map<String, PriceLevel> current = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile BiConsumer<String, String> priceChanged = (region, zone) -> { };

    /**
     * @param onDemand the Linux on-demand price of a type in a region, empty where none is known (no market)
     */
    public SpotMarket(Store store, CloudClock clock, RegionCatalog regions, InstanceUsage usage,
                      long zoneCapacityVcpus, BiFunction<String, String, Optional<BigDecimal>> onDemand, Meter meter) {
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

    /** The level in force in a zone now (the floor before the first evaluation). */
    public BigDecimal level(String region, String zone) {
        loadOnce();
        PriceLevel level = current.get(region + "/" + zone);
        return level == null ? SpotPricing.target(usage.vcpus(region, zone), zoneCapacityVcpus) : level.level();
    }

    @Override
    public BigDecimal current(String region, String zone, String instanceType) {
        return onDemand.apply(region, instanceType).map(price -> SpotPricing.price(price, level(region, zone)))
                .orElse(null);
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
            for (Region region : regions.all()) {
                for (Zone zone : region.availabilityZones()) {
                    PriceLevel was = current.get(region.name() + "/" + zone.name());
                    if (was != null && now.isBefore(was.time().plus(SpotPricing.INTERVAL))) {
                        continue;
                    }
                    BigDecimal target = SpotPricing.target(usage.vcpus(region.name(), zone.name()), zoneCapacityVcpus);
                    BigDecimal next = was == null ? target : SpotPricing.step(was.level(), target);
                    if (was == null || next.compareTo(was.level()) != 0) {
                        changes.add(new PriceLevel(zone.name(), next, now));
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

    /** Each running Spot Instance of a zone whose price moved is metered at the new price from now on. */
    private void splitRunningSpotTime(WriteBatch batch, List<PriceLevel> changes, List<String> changedRegions,
                                      Instant now) {
        Map<String, BigDecimal> levels = new java.util.HashMap<>();
        for (int index = 0; index < changes.size(); index++) {
            levels.put(changedRegions.get(index) + "/" + changes.get(index).zone(), changes.get(index).level());
        }
        for (Versioned<Instance> versioned : store.listAll(InstanceRecords.INSTANCES)) {
            Instance instance = versioned.value();
            BigDecimal level = levels.get(instance.region() + "/" + instance.availabilityZone());
            if (instance.spot() == null || instance.state() != InstanceState.RUNNING || level == null) {
                continue;
            }
            onDemand.apply(instance.region(), instance.instanceType()).ifPresent(price -> {
                String usageType = InstanceMeter.usageType(instance);
                String next = SpotPricing.price(price, level).toPlainString();
                boolean moved = meter.open(instance.ownerId(), instance.region(), instance.id(), usageType)
                        .map(open -> !open.sku().equals(next)).orElse(false);
                if (moved) {
                    meter.split(batch, instance.ownerId(), instance.region(), instance.id(), usageType, now, next);
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
     * price whose time lies in [{@code start}, {@code end}] and the price already in force at {@code start}, as
     * EC2 includes it. A null bound is open.
     */
    public List<SpotPriceEntry> history(String region, List<String> types, String productDescription, String zone,
                                        Instant start, Instant end) {
        loadOnce();
        List<SpotPriceEntry> rows = new ArrayList<>();
        byZone(region).forEach((zoneName, levels) -> {
            if (zone != null && !zone.equals(zoneName)) {
                return;
            }
            List<PriceLevel> shown = new ArrayList<>();
            for (int index = 0; index < levels.size(); index++) {
                PriceLevel level = levels.get(index).value();
                boolean afterEnd = end != null && level.time().isAfter(end);
                Instant nextTime = index + 1 < levels.size() ? levels.get(index + 1).value().time() : null;
                boolean inForceAtStart = start == null || nextTime == null || nextTime.isAfter(start);
                if (!afterEnd && inForceAtStart) {
                    shown.add(level);
                }
            }
            for (String type : types) {
                onDemand.apply(region, type).ifPresent(price -> shown.forEach(level -> rows.add(new SpotPriceEntry(
                        type, productDescription, zoneName, SpotPricing.price(price, level.level()), level.time()))));
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
