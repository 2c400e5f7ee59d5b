package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.instancetype.InstanceType;
import dev.gureum.core.instancetype.InstanceTypeService;
import dev.gureum.core.instancetype.LocationType;
import dev.gureum.core.instancetype.Offering;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceTypeOffering;

/** DescribeInstanceTypes and DescribeInstanceTypeOfferings, answered for the region the request was signed for. */
final class InstanceTypeHandlers {
    private final InstanceTypeService instanceTypes;

    InstanceTypeHandlers(InstanceTypeService instanceTypes) {
        this.instanceTypes = instanceTypes;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeInstanceTypesRequest.class, this::describeInstanceTypes);
        table.register(DescribeInstanceTypeOfferingsRequest.class, this::describeInstanceTypeOfferings);
    }

    DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest request, RequestContext context) {
        Page<InstanceType> page = instanceTypes.describe(context.region(), request.instanceTypesAsStrings(),
                Filters.of(request.filters()), Boolean.TRUE.equals(request.includeUnsupportedInRegion()),
                request.maxResults(), request.nextToken());
        return DescribeInstanceTypesResponse.builder()
                .instanceTypes(page.items().stream().map(type -> InstanceTypeShapes.info(type,
                        instanceTypes.supportedInRegion(type, context.region()))).toList())
                .nextToken(page.nextToken())
                .build();
    }

    DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(DescribeInstanceTypeOfferingsRequest request,
                                                                        RequestContext context) {
        Page<Offering> page = instanceTypes.offerings(context.region(),
                LocationType.fromWire(request.locationTypeAsString()), Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeInstanceTypeOfferingsResponse.builder()
                .instanceTypeOfferings(page.items().stream().map(offering -> InstanceTypeOffering.builder()
                        .instanceType(offering.instanceType())
                        .locationType(offering.locationType().wireName())
                        .location(offering.location())
                        .build()).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
