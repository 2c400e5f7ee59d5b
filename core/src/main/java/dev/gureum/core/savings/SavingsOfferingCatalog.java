package dev.gureum.core.savings;

import dev.gureum.core.billing.OnDemandPrice;
import dev.gureum.core.billing.RateCard;
import dev.gureum.core.billing.UsageTypes;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.reserved.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every Savings Plan offering, computed from the on-demand price list and never stored: the six Compute
 * offerings (two terms, three payment options) and six EC2 Instance offerings per family and region the price
 * list sells; and each offering's rates, one per instance type and region it covers
 * ({@link SavingsPlanDiscounts}). Only Linux, shared tenancy: the only usage Gureum meters.
 */
public final class SavingsOfferingCatalog {
    public static final String PRODUCT_DESCRIPTION = "Linux/UNIX";
    public static final String TENANCY = "shared";
    public static final String OPERATION = "RunInstances";
    public static final String SERVICE_CODE = "AmazonEC2";

    /** One rate of an offering: an hour of {@code instanceType} in {@code region} costs {@code rate} of commitment. */
    public record PlanRate(SavingsOffering offering, String region, String instanceType, String usageType,
                           BigDecimal rate) {
    }

    private final RateCard prices;
    /** Region → family → its types, each sorted. */
    private final Map<String, Map<String, List<String>>> types;
    private final SavingsOfferingIds ids;

    public SavingsOfferingCatalog(List<OnDemandPrice> onDemand, RateCard prices) {
        this.prices = prices;
        Map<String, Map<String, TreeSet<String>>> sorted = new TreeMap<>();
        TreeSet<String> families = new TreeSet<>();
        for (OnDemandPrice price : onDemand) {
            String family = SavingsOffering.familyOf(price.instanceType());
            families.add(family);
            sorted.computeIfAbsent(price.region(), unused -> new TreeMap<>())
                    .computeIfAbsent(family, unused -> new TreeSet<>()).add(price.instanceType());
        }
        Map<String, Map<String, List<String>>> frozen = new TreeMap<>();
        sorted.forEach((region, byFamily) -> {
            Map<String, List<String>> copy = new TreeMap<>();
            byFamily.forEach((family, members) -> copy.put(family, List.copyOf(members)));
            frozen.put(region, copy);
        });
        this.types = frozen;
        this.ids = new SavingsOfferingIds(List.copyOf(sorted.keySet()), List.copyOf(families));
    }

    public String id(SavingsOffering offering) {
        return ids.encode(offering);
    }

    /** The offering an id names, if it names one the price list still sells. */
    public Optional<SavingsOffering> find(String id) {
        return ids.decode(id).filter(offering -> offering.planType() == PlanType.COMPUTE
                || types.getOrDefault(offering.region(), Map.of()).containsKey(offering.family()));
    }

    /** Every offering: the Compute ones, then EC2 Instance ones by region and family. */
    public List<SavingsOffering> offerings() {
        List<SavingsOffering> all = new ArrayList<>();
        addTermsAndPayments(all, PlanType.COMPUTE, null, null);
        types.forEach((region, byFamily) -> byFamily.keySet()
                .forEach(family -> addTermsAndPayments(all, PlanType.EC2_INSTANCE, region, family)));
        return all;
    }

    private static void addTermsAndPayments(List<SavingsOffering> into, PlanType type, String region, String family) {
        for (Term term : Term.values()) {
            for (PaymentOption payment : List.of(PaymentOption.NO_UPFRONT, PaymentOption.PARTIAL_UPFRONT,
                    PaymentOption.ALL_UPFRONT)) {
                into.add(new SavingsOffering(type, term, payment, region, family));
            }
        }
    }

    /** What an hour of {@code instanceType} in {@code region} costs under the offering; empty if not covered. */
    public Optional<BigDecimal> rate(SavingsOffering offering, String region, String instanceType) {
        if (!offering.covers(region, instanceType)) {
            return Optional.empty();
        }
        return prices.instanceHourly(region, instanceType).flatMap(onDemand -> SavingsPlanDiscounts.rate(onDemand,
                offering.planType(), offering.term(), offering.payment()));
    }

    /** Every rate of the offering, by region and instance type. */
    public List<PlanRate> rates(SavingsOffering offering) {
        return rates(offering, (region, type) -> true);
    }

    /** The offering's rates for the regions and types {@code wanted} accepts (checked before pricing). */
    public List<PlanRate> rates(SavingsOffering offering, java.util.function.BiPredicate<String, String> wanted) {
        List<PlanRate> rates = new ArrayList<>();
        types.forEach((region, byFamily) -> {
            if (offering.region() != null && !offering.region().equals(region)) {
                return;
            }
            byFamily.forEach((family, members) -> {
                if (offering.family() != null && !offering.family().equals(family)) {
                    return;
                }
                for (String type : members) {
                    if (!wanted.test(region, type)) {
                        continue;
                    }
                    rate(offering, region, type).ifPresent(rate -> rates.add(new PlanRate(offering, region, type,
                            UsageTypes.boxUsage(region, type), rate)));
                }
            });
        });
        rates.sort(java.util.Comparator.comparing(PlanRate::region).thenComparing(PlanRate::instanceType));
        return rates;
    }
}
