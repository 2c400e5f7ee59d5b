package dev.gureum.core.network;

import dev.gureum.core.tag.Tag;
import java.util.ArrayList;
import java.util.List;

/** A VPC's route table: its routes (the local route first) and its associations. */
public record RouteTable(String id, String ownerId, String region, String vpcId, List<Route> routes,
                         List<RouteTableAssociation> associations, List<Tag> tags) {

    public RouteTable {
        routes = routes == null ? List.of() : List.copyOf(routes);
        associations = associations == null ? List.of() : List.copyOf(associations);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public boolean isMain() {
        return associations.stream().anyMatch(RouteTableAssociation::main);
    }

    public RouteTable withRoutes(List<Route> newRoutes) {
        return new RouteTable(id, ownerId, region, vpcId, newRoutes, associations, tags);
    }

    public RouteTable withAssociation(RouteTableAssociation association) {
        List<RouteTableAssociation> all = new ArrayList<>(associations);
        all.add(association);
        return new RouteTable(id, ownerId, region, vpcId, routes, all, tags);
    }

    public RouteTable withoutAssociation(String associationId) {
        return new RouteTable(id, ownerId, region, vpcId, routes,
                associations.stream().filter(association -> !association.id().equals(associationId)).toList(), tags);
    }

    public RouteTable withTags(List<Tag> newTags) {
        return new RouteTable(id, ownerId, region, vpcId, routes, associations, newTags);
    }
}
