package dev.gureum.core.reserved;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * ModifyReservedInstances and DescribeReservedInstancesModifications, with EC2's rules ("Modify Reserved
 * Instances" in the EC2 User Guide): the sources must be active and identical but for zone and size (same
 * class, term, payment option, end hour and family); the targets may change the scope (Region ↔ Availability
 * Zone), the zone, split or merge the count, and change the size within the family for size-flexible
 * Linux types, as long as the normalized footprint (count × normalization factor) stays the same. The
 * change takes effect at the start of the hour of the request: the sources retire and the results begin,
 * ending when the sources would have, with the same recurring charge per normalized unit and no new upfront
 * payment.
 */
public final class ReservedModifications {
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Store store;
    private final ReservedInstanceService reservations;
    private final NormalizationFactors factors;

    public ReservedModifications(Store store, ReservedInstanceService reservations, NormalizationFactors factors) {
        this.store = store;
        this.reservations = reservations;
        this.factors = factors;
    }

    public ReservedModification modify(RequestContext context, List<String> ids, List<TargetConfiguration> targets,
                                       String clientToken) {
        if (clientToken != null && !clientToken.isEmpty()) {
            Optional<ReservedModification> earlier = list(context).stream()
                    .filter(modification -> clientToken.equals(modification.clientToken())).findFirst();
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        if (ids.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter reservedInstancesId");
        }
        if (targets.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter targetConfiguration");
        }
        Instant now = context.now();
        List<Versioned<ReservedInstance>> sources = new ArrayList<>();
        for (String id : ids.stream().distinct().toList()) {
            Versioned<ReservedInstance> source = reservations.require(context, id);
            if (source.value().state(now) != ReservedState.ACTIVE) {
                throw invalid("Reserved Instances " + id + " are " + source.value().state(now).wireName()
                        + "; only active Reserved Instances can be modified.");
            }
            sources.add(source);
        }
        ReservedInstance first = sources.get(0).value();
        for (Versioned<ReservedInstance> versioned : sources) {
            ReservedInstance source = versioned.value();
            if (source.offeringClass() != first.offeringClass() || source.term() != first.term()
                    || source.payment() != first.payment()
                    || !source.end().truncatedTo(ChronoUnit.HOURS).equals(first.end().truncatedTo(ChronoUnit.HOURS))
                    || !NormalizationFactors.family(source.instanceType())
                            .equals(NormalizationFactors.family(first.instanceType()))) {
                throw invalid("The Reserved Instances to modify must have the same offering class, term, payment "
                        + "option, end hour and instance family.");
            }
        }
        BigDecimal sourceUnits = BigDecimal.ZERO;
        BigDecimal sourceHourly = BigDecimal.ZERO;
        BigDecimal sourceFixed = BigDecimal.ZERO;
        for (Versioned<ReservedInstance> versioned : sources) {
            ReservedInstance source = versioned.value();
            BigDecimal count = BigDecimal.valueOf(source.instanceCount());
            sourceUnits = sourceUnits.add(count.multiply(factor(source.instanceType())));
            sourceHourly = sourceHourly.add(count.multiply(source.hourlyPrice()));
            sourceFixed = sourceFixed.add(count.multiply(source.fixedPrice()));
        }
        List<Resolved> resolved = targets.stream().map(target -> resolve(context, target, first)).toList();
        BigDecimal targetUnits = resolved.stream()
                .map(target -> BigDecimal.valueOf(target.count()).multiply(factor(target.instanceType())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sourceUnits.compareTo(targetUnits) != 0) {
            throw invalid("The instance size footprint of the target configurations (" + targetUnits.stripTrailingZeros()
                    .toPlainString() + ") must equal that of the Reserved Instances being modified ("
                    + sourceUnits.stripTrailingZeros().toPlainString() + ").");
        }
        Instant effective = later(now.truncatedTo(ChronoUnit.HOURS),
                sources.stream().map(source -> source.value().start()).max(Comparator.naturalOrder()).orElseThrow());
        Instant end = sources.stream().map(source -> source.value().end()).max(Comparator.naturalOrder()).orElseThrow();
        WriteBatch batch = new WriteBatch();
        for (Versioned<ReservedInstance> source : sources) {
            batch.put(ReservedRecords.RESERVED_INSTANCES, source.key(), source.version(),
                    source.value().retired(effective));
        }
        List<ReservedModification.Result> results = new ArrayList<>();
        for (Resolved target : resolved) {
            BigDecimal units = factor(target.instanceType());
            BigDecimal hourly = sourceHourly.multiply(units).divide(sourceUnits, PRECISION)
                    .setScale(Math.max(4, first.hourlyPrice().scale()), RoundingMode.HALF_UP);
            BigDecimal fixed = sourceFixed.multiply(units).divide(sourceUnits, PRECISION)
                    .setScale(2, RoundingMode.HALF_UP);
            ReservedInstance made = new ReservedInstance(UUID.randomUUID().toString(), target.instanceType(),
                    target.availabilityZone(), target.count(), first.offeringClass(), first.term(), first.payment(),
                    fixed, hourly, target.offeringId(), effective, end, null, BigDecimal.ZERO, false, List.of());
            batch.put(ReservedRecords.RESERVED_INSTANCES, ReservedInstanceService.key(context, made.id()),
                    WriteBatch.ABSENT, made);
            results.add(new ReservedModification.Result(made.id(), made.availabilityZone(), made.instanceCount(),
                    made.instanceType(), made.scope().wireName()));
        }
        ReservedModification modification = new ReservedModification("rimod-" + UUID.randomUUID(),
                clientToken == null || clientToken.isEmpty() ? null : clientToken,
                now.truncatedTo(ChronoUnit.MILLIS), effective, sources.stream().map(source -> source.value().id())
                .toList(), results);
        batch.put(ReservedRecords.MODIFICATIONS, key(context, modification.id()), WriteBatch.ABSENT, modification);
        Writes.commit(store, context, batch);
        return modification;
    }

    public List<ReservedModification> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        List<ReservedModification> all = list(context);
        for (String id : ids) {
            if (all.stream().noneMatch(modification -> modification.id().equals(id))) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The Reserved Instances modification ID '" + id
                        + "' does not exist.");
            }
        }
        Instant now = context.now();
        Predicate<ReservedModification> matches = FilterSet.<ReservedModification>builder()
                .single("client-token", ReservedModification::clientToken)
                .single("reserved-instances-modification-id", ReservedModification::id)
                .single("status", modification -> modification.status(now))
                .many("reserved-instances-id", ReservedModification::sourceIds)
                .many("modification-result.reserved-instances-id", modification -> !modification.fulfilled(now)
                        ? List.of() : modification.results().stream()
                                .map(ReservedModification.Result::reservedInstancesId).toList())
                .many("modification-result.target-configuration.availability-zone", modification -> modification
                        .results().stream().map(ReservedModification.Result::availabilityZone).toList())
                .many("modification-result.target-configuration.instance-type", modification -> modification
                        .results().stream().map(ReservedModification.Result::instanceType).toList())
                .many("modification-result.target-configuration.instance-count", modification -> modification
                        .results().stream().map(result -> String.valueOf(result.instanceCount())).toList())
                .build().compile(filters);
        return all.stream().filter(modification -> ids.isEmpty() || ids.contains(modification.id()))
                .filter(matches).sorted(Comparator.comparing(ReservedModification::createDate)).toList();
    }

    private List<ReservedModification> list(RequestContext context) {
        return store.list(ReservedRecords.MODIFICATIONS, context.account(), context.region()).stream()
                .map(Versioned::value).toList();
    }

    private record Resolved(int count, String instanceType, String availabilityZone, String offeringId) {
    }

    private Resolved resolve(RequestContext context, TargetConfiguration target, ReservedInstance first) {
        if (target.instanceCount() == null) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain the parameter targetConfiguration.instanceCount");
        }
        if (target.instanceCount() < 1) {
            throw invalid("Value (" + target.instanceCount() + ") for parameter instanceCount is invalid.");
        }
        String type = target.instanceType() == null ? first.instanceType() : target.instanceType();
        if (!type.equals(first.instanceType()) && (!NormalizationFactors.family(type)
                .equals(NormalizationFactors.family(first.instanceType())) || !NormalizationFactors.sizeFlexible(type)
                || factors.of(type).isEmpty())) {
            throw invalid("The instance type of Reserved Instances can only be changed to another size of the same "
                    + "size-flexible Linux family (" + NormalizationFactors.family(first.instanceType()) + ").");
        }
        ReservationScope scope = target.scope() == null
                ? (target.availabilityZone() == null ? ReservationScope.REGION : ReservationScope.AVAILABILITY_ZONE)
                : ReservationScope.fromWireName(target.scope()).orElseThrow(() -> invalid("Value ("
                        + target.scope() + ") for parameter scope is invalid."));
        String zone = scope == ReservationScope.REGION ? null : target.availabilityZone();
        if (scope == ReservationScope.REGION && target.availabilityZone() != null) {
            throw Ec2Error.INVALID_PARAMETER_COMBINATION.exception(
                    "An Availability Zone cannot be specified for a Reserved Instance with Region scope.");
        }
        if (scope == ReservationScope.AVAILABILITY_ZONE && zone == null) {
            throw Ec2Error.MISSING_PARAMETER.exception(
                    "The request must contain the parameter availabilityZone for Availability Zone scope.");
        }
        ReservedOffering offering = reservations.offerings().find(context.region(), type, zone, first.offeringClass(),
                first.term(), first.payment()).orElseThrow(() -> invalid("Reserved Instances of " + type
                        + " are not offered in " + (zone == null ? context.region() : zone) + "."));
        return new Resolved(target.instanceCount(), type, zone, offering.id());
    }

    /** The normalization factor when sizes may differ; 1 for a family without factors (sizes never change). */
    private BigDecimal factor(String instanceType) {
        return factors.of(instanceType).orElse(BigDecimal.ONE);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }

    private static RuntimeException invalid(String message) {
        return Ec2Error.INVALID_PARAMETER_VALUE.exception(message);
    }
}
