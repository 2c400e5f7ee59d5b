package dev.gureum.core.savings;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.SavingsPlansError;
import dev.gureum.core.page.Page;
import dev.gureum.core.reserved.PaymentOption;
import dev.gureum.core.savings.SavingsOfferingCatalog.PlanRate;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Savings Plans API's rules: offerings and their rates from the catalog, plans bought and described,
 * queued purchases deleted, tags. A plan is bought from an offering id (offerings are computed, never
 * stored) with an hourly commitment in USD; a purchase time in the future queues it until then.
 */
public final class SavingsPlanService {
    /** How AWS spells a plan's start and end: 2026-11-02T00:00:00.000Z. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ARN = Pattern.compile(
            "arn:aws:[a-z]+:([a-z]{2}-[a-z]+-\\d|):(\\d{12}):savingsplan/([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}"
                    + "-[89ab][0-9a-f]{3}-[0-9a-f]{12})");
    /** The most decimal places of a commitment, in USD per hour: "no more than five digits after the decimal point". */
    private static final int COMMITMENT_SCALE = 5;
    /** The smallest hourly commitment a plan may have (the model's "between 0.001 and 1 million"). */
    private static final BigDecimal MINIMUM_COMMITMENT = new BigDecimal("0.001");
    /** The largest hourly commitment a plan may have (the model's "between 0.001 and 1 million"). */
    private static final BigDecimal MAXIMUM_COMMITMENT = BigDecimal.valueOf(1_000_000);
    private static final int MAXIMUM_TAGS = 50;

    private final Store store;
    private final SavingsOfferingCatalog catalog;

    public SavingsPlanService(Store store, SavingsOfferingCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    public SavingsOfferingCatalog catalog() {
        return catalog;
    }

    /** An offering with its id, as DescribeSavingsPlansOfferings lists it. */
    public record Offering(String id, SavingsOffering offering) {
    }

    public Page<Offering> offerings(OfferingSearch search, Integer maxResults, String nextToken) {
        List<Offering> found = new ArrayList<>();
        for (SavingsOffering offering : catalog.offerings()) {
            String id = catalog.id(offering);
            if (search.matchesOffering(offering, id)) {
                found.add(new Offering(id, offering));
            }
        }
        return SavingsPages.page(found, maxResults, nextToken, 0, 1000);
    }

    /** DescribeSavingsPlansOfferingRates: every rate of every offering meeting the criteria. */
    public Page<PlanRate> offeringRates(OfferingSearch search, Integer maxResults, String nextToken) {
        List<PlanRate> found = new ArrayList<>();
        for (SavingsOffering offering : catalog.offerings()) {
            if (search.mayHaveRates(offering, catalog.id(offering))) {
                for (PlanRate rate : catalog.rates(offering, search::mayRate)) {
                    if (search.matchesRate(rate)) {
                        found.add(rate);
                    }
                }
            }
        }
        return SavingsPages.page(found, maxResults, nextToken, 0, 1000);
    }

    /**
     * CreateSavingsPlan. The commitment is USD per hour from $0.001, to five decimal places; Partial Upfront needs an upfront
     * payment of 50 % to 99 % of the term's total commitment, the other options take none. A repeated client
     * token answers the plan it created.
     */
    public SavingsPlan create(RequestContext context, String offeringId, String commitmentText, String upfrontText,
                              Instant purchaseTime, String clientToken, Map<String, String> tags) {
        if (offeringId == null || offeringId.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("savingsPlanOfferingId is required.");
        }
        if (commitmentText == null || commitmentText.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("commitment is required.");
        }
        if (clientToken != null && !clientToken.isEmpty()) {
            for (SavingsPlan existing : all(context)) {
                if (clientToken.equals(existing.clientToken())) {
                    if (!existing.offeringId().equals(offeringId)) {
                        throw SavingsPlansError.VALIDATION.exception("The clientToken " + clientToken
                                + " was already used for a different request.");
                    }
                    return existing;
                }
            }
        }
        SavingsOffering offering = catalog.find(offeringId).orElseThrow(() -> SavingsPlansError.RESOURCE_NOT_FOUND
                .exception("Savings Plan offering " + offeringId + " was not found."));
        BigDecimal commitment = amount(commitmentText, "commitment");
        if (commitment.compareTo(MINIMUM_COMMITMENT) < 0 || commitment.stripTrailingZeros().scale() > COMMITMENT_SCALE
                || commitment.compareTo(MAXIMUM_COMMITMENT) > 0) {
            throw SavingsPlansError.VALIDATION.exception("The commitment must be an amount in USD per hour from 0.001 "
                    + "to 1,000,000, with at most five digits after the decimal point, not " + commitmentText + ".");
        }
        BigDecimal termHours = BigDecimal.valueOf(offering.term().hours());
        BigDecimal total = commitment.multiply(termHours);
        BigDecimal upfront = switch (offering.payment()) {
            case ALL_UPFRONT -> {
                refuseUpfront(upfrontText, offering.payment());
                yield total;
            }
            case NO_UPFRONT -> {
                refuseUpfront(upfrontText, offering.payment());
                yield BigDecimal.ZERO;
            }
            case PARTIAL_UPFRONT -> partialUpfront(upfrontText, total);
        };
        BigDecimal recurring = total.subtract(upfront).divide(termHours, MathContext.DECIMAL64).stripTrailingZeros();
        if (recurring.scale() < 0) {
            recurring = recurring.setScale(0);
        }
        Map<String, String> checkedTags = checkTags(tags == null ? Map.of() : tags);
        Instant now = context.now().truncatedTo(ChronoUnit.MILLIS);
        Instant start = purchaseTime != null && purchaseTime.isAfter(now) ? purchaseTime.truncatedTo(ChronoUnit.MILLIS)
                : now;
        SavingsPlan plan = new SavingsPlan(UUID.randomUUID().toString(), offeringId, offering.planType(),
                offering.term(), offering.payment(), offering.region(), offering.family(), commitment, upfront,
                recurring, start, start.plus(offering.term().duration()), false, checkedTags,
                clientToken == null || clientToken.isEmpty() ? null : clientToken);
        Writes.commit(store, context, new WriteBatch().put(SavingsRecords.SAVINGS_PLANS, key(context, plan.id()),
                WriteBatch.ABSENT, plan));
        return plan;
    }

    private static void refuseUpfront(String upfrontText, PaymentOption payment) {
        if (upfrontText != null && !upfrontText.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("upfrontPaymentAmount is only supported for Partial Upfront "
                    + "Savings Plans, not " + payment.wireName() + ".");
        }
    }

    private static BigDecimal partialUpfront(String upfrontText, BigDecimal total) {
        if (upfrontText == null || upfrontText.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception(
                    "upfrontPaymentAmount is required for a Partial Upfront Savings Plan.");
        }
        BigDecimal upfront = amount(upfrontText, "upfrontPaymentAmount");
        BigDecimal least = total.multiply(new BigDecimal("0.50"));
        BigDecimal most = total.multiply(new BigDecimal("0.99"));
        if (upfront.compareTo(least) < 0 || upfront.compareTo(most) > 0 || upfront.stripTrailingZeros().scale() > 2) {
            throw SavingsPlansError.VALIDATION.exception("upfrontPaymentAmount must be between 50 and 99 percent of "
                    + "the total commitment (" + least.stripTrailingZeros().toPlainString() + " to "
                    + most.stripTrailingZeros().toPlainString() + " USD), in cents, not " + upfrontText + ".");
        }
        return upfront;
    }

    private static BigDecimal amount(String text, String member) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw SavingsPlansError.VALIDATION.exception(member + " must be a decimal amount, not '" + text + "'.");
        }
    }

    /** DescribeSavingsPlans: the account's plans matching ids, ARNs, states and filters, by start then id. */
    public Page<SavingsPlan> describe(RequestContext context, List<String> ids, List<String> arns, List<String> states,
                                      Map<String, List<String>> filters, Integer maxResults, String nextToken) {
        List<String> wantedIds = new ArrayList<>(ids);
        for (String arn : arns) {
            // another account's plan is simply not found here (DescribeSavingsPlans has no not-found error)
            var matcher = arn == null ? null : ARN.matcher(arn);
            if (matcher == null || !matcher.matches()) {
                throw invalidArn(arn, "savingsPlanArns");
            }
            wantedIds.add(matcher.group(2).equals(context.account()) ? matcher.group(3) : "");
        }
        for (String state : states) {
            if (SavingsPlanState.fromWireName(state).isEmpty()) {
                throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + state
                        + "' at 'states' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[payment-pending, payment-failed, active, retired, queued, queued-deleted, pending-return, "
                        + "returned]");
            }
        }
        Instant now = context.now();
        List<SavingsPlan> found = all(context).stream()
                .filter(plan -> wantedIds.isEmpty() || wantedIds.contains(plan.id()))
                .filter(plan -> states.isEmpty() || states.contains(plan.state(now).wireName()))
                .filter(plan -> filters.entrySet().stream().allMatch(filter -> filter.getValue().isEmpty()
                        || filter.getValue().contains(filterValue(plan, filter.getKey()))))
                .sorted(Comparator.comparing(SavingsPlan::start).thenComparing(SavingsPlan::id))
                .toList();
        return SavingsPages.page(found, maxResults, nextToken, 1, 1000);
    }

    /** A plan's value for a DescribeSavingsPlans filter; an unknown filter name is a ValidationException. */
    private static String filterValue(SavingsPlan plan, String name) {
        return switch (name) {
            case "region" -> plan.region();
            case "ec2-instance-family", "instance-family" -> plan.family();
            case "commitment" -> plan.commitment().toPlainString();
            case "upfront" -> plan.upfrontPayment().toPlainString();
            case "term" -> String.valueOf(plan.term().seconds());
            case "savings-plan-type" -> plan.planType().wireName();
            case "payment-option" -> plan.payment().wireName();
            case "start" -> TIMESTAMP.format(plan.start());
            case "end" -> TIMESTAMP.format(plan.end());
            default -> throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + name
                    + "' at 'filters.member.name' failed to satisfy constraint: Member must satisfy enum value set: "
                    + "[region, ec2-instance-family, commitment, upfront, term, savings-plan-type, payment-option, "
                    + "start, end, instance-family]");
        };
    }

    /** DescribeSavingsPlanRates: the plan's rates matching the filters (name → accepted values). */
    public Page<PlanRate> rates(RequestContext context, String id, Map<String, List<String>> filters,
                                Integer maxResults, String nextToken) {
        SavingsPlan plan = require(context, id).value();
        for (String name : filters.keySet()) {
            if (!List.of("region", "instanceType", "productDescription", "tenancy", "productType", "serviceCode",
                    "usageType", "operation").contains(name)) {
                throw SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + name
                        + "' at 'filters.member.name' failed to satisfy constraint: Member must satisfy enum value "
                        + "set: [region, instanceType, productDescription, tenancy, productType, serviceCode, "
                        + "usageType, operation]");
            }
        }
        List<PlanRate> found = catalog.rates(plan.offering()).stream()
                .filter(rate -> accepts(filters, "region", rate.region())
                        && accepts(filters, "instanceType", rate.instanceType())
                        && accepts(filters, "productDescription", SavingsOfferingCatalog.PRODUCT_DESCRIPTION)
                        && accepts(filters, "tenancy", SavingsOfferingCatalog.TENANCY)
                        && accepts(filters, "productType", "EC2")
                        && accepts(filters, "serviceCode", SavingsOfferingCatalog.SERVICE_CODE)
                        && accepts(filters, "usageType", rate.usageType())
                        && accepts(filters, "operation", SavingsOfferingCatalog.OPERATION))
                .toList();
        return SavingsPages.page(found, maxResults, nextToken, 1, 1000);
    }

    private static boolean accepts(Map<String, List<String>> filters, String name, String value) {
        List<String> accepted = filters.get(name);
        return accepted == null || accepted.isEmpty() || accepted.contains(value);
    }

    /** DeleteQueuedSavingsPlan: only a queued plan can be deleted; it becomes queued-deleted and is never billed. */
    public void deleteQueued(RequestContext context, String id) {
        Versioned<SavingsPlan> found = require(context, id);
        SavingsPlanState state = found.value().state(context.now());
        if (state != SavingsPlanState.QUEUED) {
            throw SavingsPlansError.VALIDATION.exception("Savings Plan " + id + " is " + state.wireName()
                    + "; only a queued Savings Plan can be deleted.");
        }
        Writes.commit(store, context, new WriteBatch().put(SavingsRecords.SAVINGS_PLANS, found.key(),
                found.version(), found.value().withdrawn()));
    }

    public Map<String, String> tags(RequestContext context, String arn) {
        return new java.util.TreeMap<>(require(context, idOfArn(arn, context.account())).value().tags());
    }

    public void tag(RequestContext context, String arn, Map<String, String> tags) {
        if (tags == null || tags.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("tags is required.");
        }
        Versioned<SavingsPlan> found = require(context, idOfArn(arn, context.account()));
        Map<String, String> merged = new LinkedHashMap<>(found.value().tags());
        merged.putAll(checkTags(tags));
        if (merged.size() > MAXIMUM_TAGS) {
            throw SavingsPlansError.SERVICE_QUOTA_EXCEEDED.exception("A Savings Plan can have at most " + MAXIMUM_TAGS
                    + " tags.");
        }
        Writes.commit(store, context, new WriteBatch().put(SavingsRecords.SAVINGS_PLANS, found.key(),
                found.version(), found.value().withTags(merged)));
    }

    public void untag(RequestContext context, String arn, List<String> keys) {
        if (keys == null || keys.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("tagKeys is required.");
        }
        Versioned<SavingsPlan> found = require(context, idOfArn(arn, context.account()));
        Map<String, String> kept = new LinkedHashMap<>(found.value().tags());
        keys.forEach(kept::remove);
        Writes.commit(store, context, new WriteBatch().put(SavingsRecords.SAVINGS_PLANS, found.key(),
                found.version(), found.value().withTags(kept)));
    }

    private static Map<String, String> checkTags(Map<String, String> tags) {
        if (tags.size() > MAXIMUM_TAGS) {
            throw SavingsPlansError.SERVICE_QUOTA_EXCEEDED.exception("A Savings Plan can have at most " + MAXIMUM_TAGS
                    + " tags.");
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey() == null || tag.getKey().isEmpty() || tag.getKey().length() > 128
                    || tag.getValue() == null || tag.getValue().length() > 256) {
                throw SavingsPlansError.VALIDATION.exception("Tag keys must have 1 to 128 characters and values at "
                        + "most 256.");
            }
            if (tag.getKey().startsWith("aws:")) {
                throw SavingsPlansError.VALIDATION.exception("Tag keys may not start with aws:.");
            }
        }
        return tags;
    }

    /** The plan id of a Savings Plan ARN of the account; a malformed ARN is a ValidationException. */
    private static String idOfArn(String arn, String account) {
        var matcher = arn == null ? null : ARN.matcher(arn);
        if (matcher == null || !matcher.matches()) {
            throw invalidArn(arn, "resourceArn");
        }
        if (!matcher.group(2).equals(account)) {
            throw SavingsPlansError.RESOURCE_NOT_FOUND.exception("Savings Plan " + arn + " was not found.");
        }
        return matcher.group(3);
    }

    private static RuntimeException invalidArn(String arn, String member) {
        return SavingsPlansError.VALIDATION.exception("1 validation error detected: Value '" + arn + "' at '"
                + member + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + ARN.pattern());
    }

    /** The account's plans, every state. */
    public List<SavingsPlan> all(RequestContext context) {
        return store.list(SavingsRecords.SAVINGS_PLANS, context.account(), SavingsRecords.GLOBAL).stream()
                .map(Versioned::value).toList();
    }

    private Versioned<SavingsPlan> require(RequestContext context, String id) {
        if (id == null || id.isEmpty()) {
            throw SavingsPlansError.VALIDATION.exception("savingsPlanId is required.");
        }
        return store.get(SavingsRecords.SAVINGS_PLANS, key(context, id)).orElseThrow(() ->
                SavingsPlansError.RESOURCE_NOT_FOUND.exception("Savings Plan " + id + " was not found."));
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), SavingsRecords.GLOBAL, id);
    }
}
