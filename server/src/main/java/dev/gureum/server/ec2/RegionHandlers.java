package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.region.Region;
import dev.gureum.core.region.RegionService;
import dev.gureum.core.region.Zone;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/** DescribeRegions and DescribeAvailabilityZones. */
final class RegionHandlers {
    private final RegionService regions;
    /** The regions never change, so their SDK shapes are built once. */
    private final Map<String, software.amazon.awssdk.services.ec2.model.Region> shapes;

    RegionHandlers(RegionService regions) {
        this.regions = regions;
        this.shapes = regions.catalog().all().stream().collect(Collectors.toUnmodifiableMap(Region::name,
                region -> software.amazon.awssdk.services.ec2.model.Region.builder()
                        .regionName(region.name())
                        .endpoint(region.endpoint())
                        .optInStatus(region.optInStatus())
                        .build()));
    }

    void registerInto(OperationTable table) {
        table.register(DescribeRegionsRequest.class, this::describeRegions);
        table.register(DescribeAvailabilityZonesRequest.class, this::describeAvailabilityZones);
    }

    DescribeRegionsResponse describeRegions(DescribeRegionsRequest request, RequestContext context) {
        List<Region> found = regions.describeRegions(request.regionNames(), Filters.of(request.filters()));
        return DescribeRegionsResponse.builder()
                .regions(found.stream().map(region -> shapes.get(region.name())).toList())
                .build();
    }

    DescribeAvailabilityZonesResponse describeAvailabilityZones(DescribeAvailabilityZonesRequest request,
                                                                RequestContext context) {
        List<Zone> found = regions.describeZones(context.region(), request.zoneNames(), request.zoneIds(),
                Boolean.TRUE.equals(request.allAvailabilityZones()), Filters.of(request.filters()));
        return DescribeAvailabilityZonesResponse.builder()
                .availabilityZones(found.stream().map(RegionHandlers::availabilityZone).toList())
                .build();
    }

    private static AvailabilityZone availabilityZone(Zone zone) {
        return AvailabilityZone.builder()
                .zoneName(zone.name())
                .zoneId(zone.id())
                .regionName(zone.regionName())
                .state(zone.state())
                .optInStatus(zone.optInStatus())
                .groupName(zone.groupName())
                .groupLongName(zone.longName())
                .networkBorderGroup(zone.groupName())
                .zoneType(zone.type().wireName())
                .parentZoneName(zone.parentZoneName())
                .parentZoneId(zone.parentZoneId())
                .messages(List.of())
                .build();
    }
}
