package dev.gureum.core.billing;

import dev.gureum.core.storage.VolumeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's public list prices in USD, read once from on-demand.tsv and storage.tsv beside this class: Linux
 * on-demand per instance-hour by region and type, EBS volumes, provisioned IOPS and throughput, snapshots and
 * public IPv4 addresses by region. A price the files lack answers empty, never zero: a bill shows the gap
 * instead of charging nothing. The files name their sources and dates; tools/on-demand-prices.py rewrites
 * on-demand.tsv.
 */
public final class PriceCatalog implements RateCard {
    private final Map<String, Map<String, BigDecimal>> onDemand;
    private final Map<String, Map<StorageCharge, BigDecimal>> storage;
    private final List<OnDemandPrice> onDemandRows;

    private PriceCatalog(Map<String, Map<String, BigDecimal>> onDemand,
            Map<String, Map<StorageCharge, BigDecimal>> storage, List<OnDemandPrice> onDemandRows) {
        this.onDemand = onDemand;
        this.storage = storage;
        this.onDemandRows = onDemandRows;
    }

    /** The catalog; the price files are read on first use and shared afterwards (the catalog is immutable). */
    public static PriceCatalog load() {
        return Loaded.CATALOG;
    }

    private static final class Loaded {
        private static final PriceCatalog CATALOG = read();
    }

    private static PriceCatalog read() {
        Map<String, Map<String, BigDecimal>> onDemand = new HashMap<>();
        List<OnDemandPrice> rows = new ArrayList<>();
        for (String[] row : PriceFile.rows("on-demand.tsv", "region", "instance-type", "usd-per-hour", "source")) {
            String where = "on-demand.tsv " + row[0] + " " + row[1];
            BigDecimal price = PriceFile.price(row[2], where);
            if (onDemand.computeIfAbsent(row[0], unused -> new HashMap<>()).put(row[1], price) != null) {
                throw new IllegalStateException(where + " is listed twice");
            }
            rows.add(new OnDemandPrice(row[0], row[1], price));
        }
        Map<String, Map<StorageCharge, BigDecimal>> storage = new HashMap<>();
        for (String[] row : PriceFile.rows("storage.tsv", "region", "charge", "usd", "unit")) {
            String where = "storage.tsv " + row[0] + " " + row[1];
            StorageCharge charge = StorageCharge.fromKey(row[1])
                    .orElseThrow(() -> new IllegalStateException(where + ": unknown charge"));
            if (!charge.unit().equals(row[3])) {
                throw new IllegalStateException(where + ": unit " + row[3] + ", not " + charge.unit());
            }
            BigDecimal price = PriceFile.price(row[2], where);
            if (storage.computeIfAbsent(row[0], unused -> new EnumMap<>(StorageCharge.class)).put(charge, price)
                    != null) {
                throw new IllegalStateException(where + " is listed twice");
            }
        }
        onDemand.replaceAll((region, prices) -> Map.copyOf(prices));
        storage.replaceAll((region, prices) -> Collections.unmodifiableMap(prices));
        return new PriceCatalog(Map.copyOf(onDemand), Map.copyOf(storage), List.copyOf(rows));
    }

    @Override
    public Optional<BigDecimal> instanceHourly(String region, String instanceType) {
        return onDemandHourly(region, instanceType);
    }

    @Override
    public Optional<BigDecimal> volumeGbMonth(String region, String volumeType) {
        return volumeGbMonth(region, VolumeType.fromWireName(volumeType));
    }

    /** The Linux on-demand price of an instance-hour; empty where no public record gives one. */
    public Optional<BigDecimal> onDemandHourly(String region, String instanceType) {
        return Optional.ofNullable(onDemand.getOrDefault(region, Map.of()).get(instanceType));
    }

    /** Every on-demand row, in the file's order. */
    public List<OnDemandPrice> onDemandPrices() {
        return onDemandRows;
    }

    @Override
    public Optional<BigDecimal> storage(String region, StorageCharge charge) {
        return Optional.ofNullable(storage.getOrDefault(region, Map.of()).get(charge));
    }

    /** A volume's provisioned storage, per GB-month. */
    public Optional<BigDecimal> volumeGbMonth(String region, VolumeType type) {
        return storage(region, StorageCharge.volume(type));
    }

    /** Standard-tier snapshot storage, per GB-month. */
    public Optional<BigDecimal> snapshotGbMonth(String region) {
        return storage(region, StorageCharge.SNAPSHOT_STANDARD);
    }

    /** A public IPv4 address, in use or idle, per hour. */
    @Override
    public Optional<BigDecimal> publicIpv4Hourly(String region) {
        return storage(region, StorageCharge.PUBLIC_IPV4);
    }
}
