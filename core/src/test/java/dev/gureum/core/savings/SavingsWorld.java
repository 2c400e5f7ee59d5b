package dev.gureum.core.savings;

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
import dev.gureum.core.reserved.NormalizationFactors;
import dev.gureum.core.reserved.OfferingCatalog;
import dev.gureum.core.reserved.OfferingClass;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.ReservedBilling;
import dev.gureum.core.reserved.ReservedInstanceService;
import dev.gureum.core.reserved.Term;
import dev.gureum.core.store.FakeStore;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.time.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Savings Plans, reservations, metering and the bill over a fake store on a manual clock, with the real price list. */
final class SavingsWorld {
    static final String ACCOUNT = "000000000000";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");

    final FakeStore store = new FakeStore();
    final ManualClock clock = new ManualClock(START);
    final PriceCatalog prices = PriceCatalog.load();
    final RegionCatalog regions = RegionCatalog.load();
    final NormalizationFactors factors = NormalizationFactors.of(prices.onDemandPrices().stream()
            .map(OnDemandPrice::instanceType).distinct().toList());
    final OfferingCatalog riOfferings = new OfferingCatalog(prices, regions, (type, region) -> regions.find(region)
            .map(found -> found.availabilityZones().stream().map(Zone::name).toList()).orElse(List.of()));
    final ReservedInstanceService reservations = new ReservedInstanceService(store, riOfferings);
    final SavingsOfferingCatalog catalog = new SavingsOfferingCatalog(prices.onDemandPrices(), prices);
    final SavingsPlanService plans = new SavingsPlanService(store, catalog);
    final Meter meter = new Meter(store);
    final Bills bills = new Bills(store, prices, clock, new ReservedBilling(store, factors),
            new SavingsPlanBilling(store, catalog));

    RequestContext context() {
        return new RequestContext(ACCOUNT, REGION, "request", clock.now(), false);
    }

    String offeringId(PlanType type, Term term, PaymentOption payment, String region, String family) {
        return catalog.id(new SavingsOffering(type, term, payment, region, family));
    }

    /** Buys a plan of the offering with an hourly commitment, now. */
    SavingsPlan buy(PlanType type, Term term, PaymentOption payment, String family, String commitment) {
        return plans.create(context(), offeringId(type, term, payment, family == null ? null : REGION, family),
                commitment, null, null, null, Map.of());
    }

    void reserve(String type) {
        reservations.purchase(context(), riOfferings.find(REGION, type, null, OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT).orElseThrow().id(), 1, null);
    }

    /** An instance starts running now (metered as InstanceMeter meters it). */
    void run(String instanceId, String type) {
        WriteBatch batch = new WriteBatch();
        meter.open(batch, ACCOUNT, REGION, new UsagePeriod(instanceId, UsageTypes.boxUsage(REGION, type),
                UsagePeriod.PricedAs.INSTANCE_HOURS, type, "OnDemand", REGION + "a", 1, clock.now(), null, 60));
        store.apply(batch);
    }

    List<LineItem> items() {
        return bills.lineItems(ACCOUNT, START, clock.now(), Granularity.MONTHLY);
    }

    BigDecimal total() {
        return items().stream().map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal amortized() {
        return items().stream().map(LineItem::amortizedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal cost(String lineItemType) {
        return items().stream().filter(item -> item.lineItemType().equals(lineItemType))
                .map(LineItem::unblendedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal amortized(String lineItemType) {
        return items().stream().filter(item -> item.lineItemType().equals(lineItemType))
                .map(LineItem::amortizedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal hours(String resourceId, String lineItemType) {
        return items().stream().filter(item -> item.resourceId().equals(resourceId)
                        && item.lineItemType().equals(lineItemType))
                .map(LineItem::usageQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
