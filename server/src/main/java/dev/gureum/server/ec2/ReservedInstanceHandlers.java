package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.core.region.RegionCatalog;
import dev.gureum.core.region.Zone;
import dev.gureum.core.reserved.OfferingQuery;
import dev.gureum.core.reserved.ReservedInstance;
import dev.gureum.core.reserved.ReservedInstanceService;
import dev.gureum.core.reserved.ReservedModification;
import dev.gureum.core.reserved.ReservedModifications;
import dev.gureum.core.reserved.ReservedOffering;
import dev.gureum.core.reserved.TargetConfiguration;
import dev.gureum.server.dispatch.OperationTable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DeleteQueuedReservedInstancesError;
import software.amazon.awssdk.services.ec2.model.DeleteQueuedReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DeleteQueuedReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesModificationsRequest;
import software.amazon.awssdk.services.ec2.model.FailedQueuedPurchaseDeletion;
import software.amazon.awssdk.services.ec2.model.SuccessfulQueuedPurchaseDeletion;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesModificationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.ModifyReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ModifyReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.PurchaseReservedInstancesOfferingRequest;
import software.amazon.awssdk.services.ec2.model.PurchaseReservedInstancesOfferingResponse;
import software.amazon.awssdk.services.ec2.model.RecurringCharge;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesConfiguration;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesId;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesModification;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesModificationResult;
import software.amazon.awssdk.services.ec2.model.ReservedInstancesOffering;

/**
 * Reserved Instances: DescribeReservedInstancesOfferings (computed offerings, no Marketplace),
 * PurchaseReservedInstancesOffering (LimitPrice applies to Marketplace offerings only, and Gureum sells none, so
 * it changes nothing), DescribeReservedInstances, DeleteQueuedReservedInstances, ModifyReservedInstances and
 * DescribeReservedInstancesModifications. Prices are Float fields on the wire, as EC2 sends them; the
 * recurring hourly charge is in RecurringCharges and UsagePrice is 0.0, as in EC2's current offerings.
 */
final class ReservedInstanceHandlers {
    private static final String HOURLY = "Hourly";
    /** The network platform of every reservation since EC2-Classic was retired. */
    private static final String VPC_PLATFORM = "EC2-VPC";

    private final ReservedInstanceService reservations;
    private final ReservedModifications modifications;
    private final RegionCatalog regions;

    ReservedInstanceHandlers(ReservedInstanceService reservations, ReservedModifications modifications,
                             RegionCatalog regions) {
        this.reservations = reservations;
        this.modifications = modifications;
        this.regions = regions;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeReservedInstancesOfferingsRequest.class, this::describeOfferings);
        table.register(PurchaseReservedInstancesOfferingRequest.class, this::purchase);
        table.register(DescribeReservedInstancesRequest.class, this::describe);
        table.register(ModifyReservedInstancesRequest.class, this::modify);
        table.register(DescribeReservedInstancesModificationsRequest.class, this::describeModifications);
        table.register(DeleteQueuedReservedInstancesRequest.class, this::deleteQueued);
    }

    DeleteQueuedReservedInstancesResponse deleteQueued(DeleteQueuedReservedInstancesRequest request,
                                                       RequestContext context) {
        ReservedInstanceService.QueuedDeletions result = reservations.deleteQueued(context,
                request.reservedInstancesIds());
        return DeleteQueuedReservedInstancesResponse.builder()
                .successfulQueuedPurchaseDeletions(result.deleted().stream()
                        .map(id -> SuccessfulQueuedPurchaseDeletion.builder().reservedInstancesId(id).build()).toList())
                .failedQueuedPurchaseDeletions(result.failed().entrySet().stream()
                        .map(failure -> FailedQueuedPurchaseDeletion.builder()
                                .reservedInstancesId(failure.getKey())
                                .error(DeleteQueuedReservedInstancesError.builder().code(failure.getValue())
                                        .message(failure.getValue().equals("reserved-instances-id-invalid")
                                                ? "The Reserved Instance ID is not valid."
                                                : "The Reserved Instance is not in the queued state.")
                                        .build())
                                .build()).toList())
                .build();
    }

    DescribeReservedInstancesOfferingsResponse describeOfferings(DescribeReservedInstancesOfferingsRequest request,
                                                                 RequestContext context) {
        OfferingQuery query = new OfferingQuery(request.instanceTypeAsString(),
                zoneNamed(request.availabilityZone(), request.availabilityZoneId()),
                request.offeringClassAsString(), request.offeringTypeAsString(),
                request.productDescriptionAsString(), request.instanceTenancyAsString(), request.minDuration(),
                request.maxDuration(), request.includeMarketplace(), request.reservedInstancesOfferingIds(),
                Filters.of(request.filters()));
        Page<ReservedOffering> page = reservations.offerings().describe(context.region(), query,
                request.maxResults(), request.nextToken());
        return DescribeReservedInstancesOfferingsResponse.builder()
                .reservedInstancesOfferings(page.items().stream().map(this::offering).toList())
                .nextToken(page.nextToken())
                .build();
    }

    PurchaseReservedInstancesOfferingResponse purchase(PurchaseReservedInstancesOfferingRequest request,
                                                       RequestContext context) {
        ReservedInstance reserved = reservations.purchase(context, request.reservedInstancesOfferingId(),
                request.instanceCount(), request.purchaseTime());
        return PurchaseReservedInstancesOfferingResponse.builder().reservedInstancesId(reserved.id()).build();
    }

    DescribeReservedInstancesResponse describe(DescribeReservedInstancesRequest request, RequestContext context) {
        return DescribeReservedInstancesResponse.builder()
                .reservedInstances(reservations.describe(context, request.reservedInstancesIds(),
                                request.offeringClassAsString(), request.offeringTypeAsString(),
                                Filters.of(request.filters())).stream()
                        .map(reserved -> reservedInstances(reserved, context)).toList())
                .build();
    }

    ModifyReservedInstancesResponse modify(ModifyReservedInstancesRequest request, RequestContext context) {
        for (var target : request.targetConfigurations()) {
            if (target.platform() != null && !VPC_PLATFORM.equals(target.platform())) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The platform '" + target.platform()
                        + "' is not valid; a reservation is modified on the " + VPC_PLATFORM + " platform.");
            }
        }
        ReservedModification modification = modifications.modify(context, request.reservedInstancesIds(),
                request.targetConfigurations().stream().map(target -> new TargetConfiguration(
                        target.instanceCount(), target.instanceTypeAsString(), target.scopeAsString(),
                        target.availabilityZone())).toList(), request.clientToken());
        return ModifyReservedInstancesResponse.builder().reservedInstancesModificationId(modification.id()).build();
    }

    DescribeReservedInstancesModificationsResponse describeModifications(
            DescribeReservedInstancesModificationsRequest request, RequestContext context) {
        // no MaxResults in this operation: one page, after the NextToken when one is given (one it handed out)
        Page<ReservedModification> page = Pages.page("DescribeReservedInstancesModifications",
                modifications.describe(context, request.reservedInstancesModificationIds(),
                        Filters.of(request.filters())).stream()
                        .sorted(Comparator.comparing(ReservedModification::id)).toList(),
                ReservedModification::id, null, request.nextToken(), 1, Integer.MAX_VALUE);
        return DescribeReservedInstancesModificationsResponse.builder()
                .reservedInstancesModifications(page.items().stream()
                        .map(modification -> ReservedInstancesModification.builder()
                                .reservedInstancesModificationId(modification.id())
                                .clientToken(modification.clientToken())
                                .createDate(modification.createDate())
                                .effectiveDate(modification.effectiveDate())
                                .updateDate(modification.updateDate(context.now()))
                                .status(modification.status(context.now()))
                                .reservedInstancesIds(modification.sourceIds().stream()
                                        .map(id -> ReservedInstancesId.builder().reservedInstancesId(id).build())
                                        .toList())
                                .modificationResults(modification.results().stream()
                                        .map(result -> ReservedInstancesModificationResult.builder()
                                                // "only available when the status of the modification is fulfilled"
                                                .reservedInstancesId(modification.fulfilled(context.now())
                                                        ? result.reservedInstancesId() : null)
                                                .targetConfiguration(ReservedInstancesConfiguration.builder()
                                                        .availabilityZone(result.availabilityZone())
                                                        .instanceCount(result.instanceCount())
                                                        .instanceType(result.instanceType())
                                                        .platform(VPC_PLATFORM)
                                                        .scope(result.scope())
                                                        .build())
                                                .build()).toList())
                                .build()).toList())
                .build();
    }

    /**
     * The zone an offerings query names by name, by id or both (a zone id of another region, or one that is not
     * the named zone's, names a zone no offering is in); null when neither is given.
     */
    private String zoneNamed(String name, String id) {
        if (id == null) {
            return name;
        }
        String byId = regions.all().stream().flatMap(region -> region.zones().stream())
                .filter(zone -> zone.id().equals(id)).map(Zone::name).findFirst().orElse("");
        return name == null || name.equals(byId) ? byId : "";
    }

    /** The id of a zonal reservation's or offering's zone ({@code use1-az1}); null for a regional one. */
    private String zoneId(String zoneName) {
        return zoneName == null ? null : regions.findZone(zoneName).map(Zone::id).orElse(null);
    }

    private ReservedInstancesOffering offering(ReservedOffering offering) {
        return ReservedInstancesOffering.builder()
                .reservedInstancesOfferingId(offering.id())
                .instanceType(offering.instanceType())
                .availabilityZone(offering.availabilityZone())
                .availabilityZoneId(zoneId(offering.availabilityZone()))
                .duration(offering.term().seconds())
                .fixedPrice(offering.fixedPrice().floatValue())
                .usagePrice(0.0f)
                .productDescription(ReservedOffering.PRODUCT_DESCRIPTION)
                .instanceTenancy(ReservedOffering.TENANCY)
                .currencyCode(ReservedOffering.CURRENCY)
                .offeringType(offering.payment().wireName())
                .offeringClass(offering.offeringClass().wireName())
                .scope(offering.scope().wireName())
                .marketplace(false)
                .recurringCharges(recurring(offering.hourlyPrice()))
                .pricingDetails(List.of())
                .build();
    }

    private ReservedInstances reservedInstances(ReservedInstance reserved, RequestContext context) {
        return ReservedInstances.builder()
                .reservedInstancesId(reserved.id())
                .instanceType(reserved.instanceType())
                .availabilityZone(reserved.availabilityZone())
                .availabilityZoneId(zoneId(reserved.availabilityZone()))
                .start(reserved.start())
                // a reservation a modification or exchange retired ends when its successor starts
                .end(reserved.deletedWhileQueued() ? reserved.end() : reserved.effectiveEnd())
                .duration(reserved.durationSeconds())
                .usagePrice(0.0f)
                .fixedPrice(reserved.fixedPrice().floatValue())
                .instanceCount(reserved.instanceCount())
                .productDescription(ReservedOffering.PRODUCT_DESCRIPTION)
                .state(reserved.state(context.now()).wireName())
                .instanceTenancy(ReservedOffering.TENANCY)
                .currencyCode(ReservedOffering.CURRENCY)
                .offeringType(reserved.payment().wireName())
                .offeringClass(reserved.offeringClass().wireName())
                .scope(reserved.scope().wireName())
                .recurringCharges(recurring(reserved.hourlyPrice()))
                .tags(Tags.toSdk(reserved.tags()))
                .build();
    }

    private static List<RecurringCharge> recurring(BigDecimal hourly) {
        return List.of(RecurringCharge.builder().amount(hourly.doubleValue()).frequency(HOURLY).build());
    }
}
