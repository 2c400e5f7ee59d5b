package dev.gureum.core.savings;

import dev.gureum.core.billing.BilledSavingsPlan;
import dev.gureum.core.billing.SavingsPlanSource;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The account's Savings Plans as the bill applies them, at the catalog's rates. */
public final class SavingsPlanBilling implements SavingsPlanSource {
    private final Store store;
    private final SavingsOfferingCatalog catalog;
    /** The offering of each plan the bill was given, by plan id (an offering follows from a plan and never changes). */
    private final Map<String, SavingsOffering> offerings = new ConcurrentHashMap<>();

    public SavingsPlanBilling(Store store, SavingsOfferingCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public List<BilledSavingsPlan> savingsPlans(String account) {
        List<BilledSavingsPlan> found = new ArrayList<>();
        for (Versioned<SavingsPlan> versioned : store.list(SavingsRecords.SAVINGS_PLANS, account,
                SavingsRecords.GLOBAL)) {
            SavingsPlan plan = versioned.value();
            if (!plan.deletedWhileQueued()) {
                SavingsOffering offering = plan.offering();
                offerings.put(plan.id(), offering);
                found.add(new BilledSavingsPlan(plan.id(), plan.arn(account), plan.planType() == PlanType.COMPUTE,
                        plan.region(), offering.usageType(), plan.start(), plan.end(), plan.commitment(),
                        plan.upfrontPayment(), plan.recurringHourly()));
            }
        }
        return found;
    }

    @Override
    public Optional<BigDecimal> rate(BilledSavingsPlan plan, String region, String instanceType) {
        SavingsOffering offering = offerings.get(plan.id());
        return offering == null ? Optional.empty() : catalog.rate(offering, region, instanceType);
    }
}
