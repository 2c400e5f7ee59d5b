package dev.gureum.core.savings;

import dev.gureum.core.error.SavingsPlansError;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.savings.SavingsOfferingCatalog.PlanRate;
import java.util.List;
import java.util.Map;

/**
 * DescribeSavingsPlansOfferings' and DescribeSavingsPlansOfferingRates' criteria. Each list, when not empty,
 * is a set of accepted values; {@code properties} are the {@code filters} (name → accepted values). An empty
 * criterion accepts everything; a value outside the model's enumerations is a ValidationException.
 */
public record OfferingSearch(List<String> offeringIds, List<String> paymentOptions, List<String> productTypes,
                             List<String> planTypes, List<Long> durations, List<String> currencies,
                             List<String> descriptions, List<String> serviceCodes, List<String> usageTypes,
                             List<String> operations, Map<String, List<String>> properties) {
    private static final List<String> PRODUCT_TYPES = List.of("EC2", "Fargate", "Lambda", "SageMaker");

    public OfferingSearch {
        offeringIds = List.copyOf(offeringIds);
        paymentOptions = List.copyOf(paymentOptions);
        productTypes = List.copyOf(productTypes);
        planTypes = List.copyOf(planTypes);
        durations = List.copyOf(durations);
        currencies = List.copyOf(currencies);
        descriptions = List.copyOf(descriptions);
        serviceCodes = List.copyOf(serviceCodes);
        usageTypes = List.copyOf(usageTypes);
        operations = List.copyOf(operations);
        properties = Map.copyOf(properties);
        for (String payment : paymentOptions) {
            if (PaymentOption.fromWireName(payment).isEmpty()) {
                throw invalid("paymentOptions", payment, "[All Upfront, Partial Upfront, No Upfront]");
            }
        }
        for (String product : productTypes) {
            if (!PRODUCT_TYPES.contains(product)) {
                throw invalid("productType", product, "[EC2, Fargate, Lambda, SageMaker]");
            }
        }
        for (String plan : planTypes) {
            if (!List.of("Compute", "EC2Instance", "SageMaker").contains(plan)) {
                throw invalid("planTypes", plan, "[Compute, EC2Instance, SageMaker]");
            }
        }
        for (String currency : currencies) {
            if (!List.of("CNY", "USD").contains(currency)) {
                throw invalid("currencies", currency, "[CNY, USD]");
            }
        }
    }

    private static RuntimeException invalid(String member, String value, String allowed) {
        return SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
    }

    /** Whether the offering (with its id) meets the offering criteria; {@code properties} region and instanceFamily. */
    boolean matchesOffering(SavingsOffering offering, String id) {
        return accepts(offeringIds, id) && accepts(paymentOptions, offering.payment().wireName())
                && (productTypes.isEmpty() || productTypes.stream().anyMatch(offering.productTypes()::contains))
                && accepts(planTypes, offering.planType().wireName())
                && (durations.isEmpty() || durations.contains(offering.term().seconds()))
                && accepts(currencies, SavingsOffering.CURRENCY) && accepts(descriptions, offering.description())
                && accepts(serviceCodes, offering.planType().serviceCode()) && accepts(usageTypes, offering.usageType())
                && operations.isEmpty()
                && property("region", offering.region()) && property("instanceFamily", offering.family());
    }

    /** Whether the offering may have rates meeting the rate criteria (checked before its rates are computed). */
    boolean mayHaveRates(SavingsOffering offering, String id) {
        return accepts(offeringIds, id) && accepts(paymentOptions, offering.payment().wireName())
                && accepts(planTypes, offering.planType().wireName())
                && (offering.region() == null || property("region", offering.region())
                && property("instanceFamily", offering.family()));
    }

    /** Whether a rate for this region and instance type may meet the rate criteria (checked before pricing). */
    boolean mayRate(String region, String instanceType) {
        return property("region", region) && property("instanceType", instanceType)
                && property("instanceFamily", SavingsOffering.familyOf(instanceType));
    }

    /** Whether a rate meets the rate criteria; {@code properties} name the rate's own properties. */
    boolean matchesRate(PlanRate rate) {
        return (productTypes.isEmpty() || productTypes.contains("EC2"))
                && accepts(serviceCodes, SavingsOfferingCatalog.SERVICE_CODE) && accepts(usageTypes, rate.usageType())
                && accepts(operations, SavingsOfferingCatalog.OPERATION)
                && property("region", rate.region()) && property("instanceType", rate.instanceType())
                && property("instanceFamily", SavingsOffering.familyOf(rate.instanceType()))
                && property("productDescription", SavingsOfferingCatalog.PRODUCT_DESCRIPTION)
                && property("tenancy", SavingsOfferingCatalog.TENANCY)
                && property("productId", null);
    }

    private boolean property(String name, String value) {
        List<String> accepted = properties.get(name);
        return accepted == null || accepted.isEmpty() || value != null && accepted.contains(value);
    }

    private static boolean accepts(List<String> accepted, String value) {
        return accepted.isEmpty() || accepted.contains(value);
    }
}
