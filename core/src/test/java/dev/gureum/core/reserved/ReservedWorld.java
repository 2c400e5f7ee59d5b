package dev.gureum.core.reserved;

import dev.gureum.core.RequestContext;
import dev.gureum.core.billing.Bills;
import dev.gureum.core.billing.Granularity;
import dev.gureum.core.billing.LineItem;
import dev.gureum.core.billing.Meter;
import dev.gureum.core.billing.OnDemandPrice;
import dev.gureum.core.billing.PriceCatalog;
import dev.gureum.core.billing.UsagePeriod;
import dev.gureum.core.billing.UsageTypes;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Reservations, metering and the bill over a fake store on a manual clock, with the real price list. */
final class ReservedWorld {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    final FakeStore store = new FakeStore();
    final ManualClock clock = new ManualClock(START);
    final PriceCatalog prices = PriceCatalog.load();
    final RegionCatalog regions = RegionCatalog.load();
    final NormalizationFactors factors = NormalizationFactors.of(prices.onDemandPrices().stream()
            .map(OnDemandPrice::instanceType).distinct().toList());
    final OfferingCatalog offerings = new OfferingCatalog(prices, regions, (type, region) -> regions.find(region)
            .map(found -> found.availabilityZones().stream().map(Zone::name).toList()).orElse(List.of()));
    final ReservedInstanceService reservations = new ReservedInstanceService(store, offerings);
    final ReservedModifications modifications = new ReservedModifications(store, reservations, factors);
    final Meter meter = new Meter(store);
    final Bills bills = new Bills(store, prices, clock, new ReservedBilling(store, factors));

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    /** Buys {@code count} of the offering with these coordinates. */
    ReservedInstance buy(String type, String zone, OfferingClass offeringClass, Term term, PaymentOption payment,
                         int count) {
        ReservedOffering offering = offerings.find(REGION, type, zone, offeringClass, term, payment).orElseThrow();
        return reservations.purchase(context(), offering.id(), count, null);
    }

    /** An instance starts running now (metered as InstanceMeter meters it). */
    void run(String instanceId, String type, String zone) {
        WriteBatch batch = new WriteBatch();
        meter.open(batch, ACCOUNT, REGION, new UsagePeriod(instanceId, UsageTypes.boxUsage(REGION, type),
                UsagePeriod.PricedAs.INSTANCE_HOURS, type, "OnDemand", zone, 1, clock.now(), null, 60));
        store.apply(batch);
    }

    void stop(String instanceId, String type) {
        WriteBatch batch = new WriteBatch();
        meter.close(batch, ACCOUNT, REGION, instanceId, UsageTypes.boxUsage(REGION, type), clock.now());
        store.apply(batch);
    }

    List<LineItem> items() {
        return bills.lineItems(ACCOUNT, START, clock.now(), Granularity.MONTHLY);
    }

    BigDecimal total() {
        return items().stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal cost(String lineItemType) {
        return items().stream().filter(item -> item.lineItemType().equals(lineItemType))
                .map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal hours(String resourceId, String lineItemType) {
        return items().stream().filter(item -> item.resourceId().equals(resourceId)
                        && item.lineItemType().equals(lineItemType))
                .map(LineItem::usageQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
