package dev.gureum.core.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.instancetype.InstanceType;
import dev.gureum.core.instancetype.InstanceTypeCatalog;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.storage.VolumeType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The price files: known list prices, gaps that stay empty, and every row consistent with Gureum's catalogs. */
class PriceCatalogTest {
    private static final PriceCatalog PRICES = PriceCatalog.load();

    @Test
    void knownOnDemandPrices() {
        assertPrice("0.0104", PRICES.onDemandHourly("us-east-1", "t3.micro"));
        assertPrice("0.096", PRICES.onDemandHourly("us-east-1", "m5.large"));
        assertPrice("0.1008", PRICES.onDemandHourly("us-east-1", "m7i.large"));
        assertPrice("0.107", PRICES.onDemandHourly("eu-west-1", "m5.large"));
        assertPrice("0.0114", PRICES.onDemandHourly("eu-west-1", "t3.micro"));
        assertPrice("2.736", PRICES.onDemandHourly("af-south-1", "c5.12xlarge"));
        // newer than the 2022 record, from the 2026 one
        assertPrice("0.11235", PRICES.onDemandHourly("eu-west-1", "m7i.large"));
        assertPrice("0.0109", PRICES.onDemandHourly("mx-central-1", "t3.micro"));
        assertPrice("23.71569", PRICES.onDemandHourly("eu-west-1", "p4d.24xlarge"));
    }

    @Test
    void bareMetalKeepsTheSharedTenancyPrice() {
        assertPrice("2.464", PRICES.onDemandHourly("us-east-1", "m6g.metal"));
        assertPrice("2.464", PRICES.onDemandHourly("us-east-1", "m6g.16xlarge"));
        for (String family : new String[] {"c7i", "m7i", "m8g", "r7i"}) {
            assertEquals(PRICES.onDemandHourly("us-east-1", family + ".24xlarge"),
                    PRICES.onDemandHourly("us-east-1", family + ".metal-24xl"), family + ": not the Dedicated price");
        }
    }

    @Test
    void missingPricesAreEmptyNotZero() {
        assertEquals(Optional.empty(), PRICES.onDemandHourly("us-east-1", "t3.enormous"));
        // in neither regional record (AWS does not offer it there)
        assertEquals(Optional.empty(), PRICES.onDemandHourly("me-south-1", "m7i.large"));
        assertEquals(Optional.empty(), PRICES.onDemandHourly("ca-west-1", "c7i.large"));
        assertEquals(Optional.empty(), PRICES.volumeGbMonth("xx-nowhere-1", VolumeType.GP3));
        assertEquals(Optional.empty(), PRICES.snapshotGbMonth("xx-nowhere-1"));
    }

    @Test
    void everyCatalogTypeHasAPriceInUsEast1() {
        for (InstanceType type : InstanceTypeCatalog.load().all()) {
            assertTrue(PRICES.onDemandHourly("us-east-1", type.name()).isPresent(), type.name());
        }
    }

    @Test
    void everyRowNamesACatalogTypeAndRegionWithAPriceAboveZero() {
        InstanceTypeCatalog types = InstanceTypeCatalog.load();
        RegionCatalog regions = RegionCatalog.load();
        List<OnDemandPrice> rows = PRICES.onDemandPrices();
        assertTrue(rows.size() > 4_000, rows.size() + " rows");
        for (OnDemandPrice row : rows) {
            assertTrue(types.find(row.instanceType()).isPresent(), row.toString());
            assertTrue(regions.contains(row.region()), row.toString());
            assertTrue(row.usdPerHour().signum() > 0, row.toString());
            assertEquals(Optional.of(row.usdPerHour()), PRICES.onDemandHourly(row.region(), row.instanceType()));
        }
        assertTrue(rows.stream().map(OnDemandPrice::region).distinct().count() >= 20);
    }

    @Test
    void everyRegionHasEveryStoragePrice() {
        for (Region region : RegionCatalog.load().all()) {
            for (StorageCharge charge : StorageCharge.values()) {
                assertTrue(PRICES.storage(region.name(), charge).filter(price -> price.signum() > 0).isPresent(),
                        region.name() + " " + charge);
            }
            for (VolumeType type : VolumeType.values()) {
                assertTrue(PRICES.volumeGbMonth(region.name(), type).isPresent(), region.name() + " " + type);
            }
        }
        assertPrice("0.088", PRICES.volumeGbMonth("eu-west-1", VolumeType.GP3));
        assertPrice("0.0952", PRICES.volumeGbMonth("eu-central-1", VolumeType.GP3));
        assertPrice("48.7424", PRICES.storage("eu-central-1", StorageCharge.GP3_THROUGHPUT));
    }

    @Test
    void usEast1StoragePrices() {
        assertPrice("0.10", PRICES.volumeGbMonth("us-east-1", VolumeType.GP2));
        assertPrice("0.08", PRICES.volumeGbMonth("us-east-1", VolumeType.GP3));
        assertPrice("0.125", PRICES.volumeGbMonth("us-east-1", VolumeType.IO2));
        assertPrice("0.015", PRICES.volumeGbMonth("us-east-1", VolumeType.SC1));
        assertPrice("0.005", PRICES.storage("us-east-1", StorageCharge.GP3_IOPS));
        assertPrice("40.96", PRICES.storage("us-east-1", StorageCharge.GP3_THROUGHPUT));
        assertPrice("0.065", PRICES.storage("us-east-1", StorageCharge.IO1_IOPS));
        assertPrice("0.0455", PRICES.storage("us-east-1", StorageCharge.IO2_IOPS_UP_TO_64000));
        assertPrice("0.05", PRICES.snapshotGbMonth("us-east-1"));
        for (VolumeType type : VolumeType.values()) {
            assertTrue(PRICES.volumeGbMonth("us-east-1", type).isPresent(), type.toString());
        }
        for (StorageCharge charge : StorageCharge.values()) {
            PRICES.storage("us-east-1", charge).ifPresentOrElse(price -> assertTrue(price.signum() > 0),
                    () -> assertTrue(false, charge + " has no us-east-1 price"));
        }
    }

    @Test
    void everyRegionPaysForPublicIpv4() {
        for (Region region : RegionCatalog.load().all()) {
            assertPrice("0.005", PRICES.publicIpv4Hourly(region.name()));
        }
        assertEquals(Optional.empty(), PRICES.publicIpv4Hourly("xx-nowhere-1"));
    }

    @Test
    void aPriceCellMustBeADecimalAboveZero() {
        assertEquals(new BigDecimal("0.0104"), PriceFile.price("0.0104", "test"));
        assertThrows(IllegalStateException.class, () -> PriceFile.price("0", "test"));
        assertThrows(IllegalStateException.class, () -> PriceFile.price("-0.01", "test"));
        assertThrows(IllegalStateException.class, () -> PriceFile.price("free", "test"));
    }

    private static void assertPrice(String expected, Optional<BigDecimal> actual) {
        assertTrue(actual.isPresent(), "no price where " + expected + " was expected");
        assertEquals(0, new BigDecimal(expected).compareTo(actual.get()), expected + " vs " + actual.get());
    }
}
