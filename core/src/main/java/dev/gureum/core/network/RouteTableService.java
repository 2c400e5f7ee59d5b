package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.ClientTokens;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Route tables, their routes and associations. Every table has the VPC's local route, which cannot be
 * removed; other routes send a block to an internet gateway of the same VPC. A subnet is associated with
 * at most one table; one without an explicit association uses the VPC's main table. A route to a
 * gateway that is no longer attached shows the state {@code blackhole}.
 */
public final class RouteTableService {
    static final int MAX_ROUTES = 50;

    private final Store store;
    private final DefaultVpcs defaults;
    private final Records<RouteTable> tables;
    private final Records<Vpc> vpcs;
    private final Records<Subnet> subnets;
    private final Records<InternetGateway> gateways;

    public RouteTableService(Store store, DefaultVpcs defaults) {
        this.store = store;
        this.defaults = defaults;
        this.tables = new Records<>(store, NetworkRecords.ROUTE_TABLES, IdKind.ROUTE_TABLE, RouteTable::id);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
        this.subnets = new Records<>(store, NetworkRecords.SUBNETS, IdKind.SUBNET, Subnet::id);
        this.gateways = new Records<>(store, NetworkRecords.INTERNET_GATEWAYS, IdKind.INTERNET_GATEWAY,
                InternetGateway::id);
    }

    /** CreateRouteTable; a retry with the same ClientToken answers the table the first call made. */
    public RouteTable create(RequestContext context, String vpcId, List<Tag> tags, String clientToken) {
        defaults.ensure(context);
        String parameters = vpcId + " " + tags;
        Optional<RouteTable> made = ClientTokens.earlier(store, context, "CreateRouteTable", clientToken, parameters)
                .flatMap(id -> tables.find(context, id));
        if (made.isPresent()) {
            return made.get();
        }
        Vpc vpc = vpcs.require(context, vpcId).value();
        TagRules.validate(tags);
        RouteTable table = new RouteTable(ResourceIds.next(IdKind.ROUTE_TABLE), context.account(), context.region(),
                vpc.id(), List.of(Route.local(vpc.cidrBlock())), List.of(), TagRules.merge(List.of(), tags));
        WriteBatch batch = new WriteBatch().put(NetworkRecords.ROUTE_TABLES, NetworkWrites.key(context, table.id()),
                WriteBatch.ABSENT, table);
        ClientTokens.record(batch, context, "CreateRouteTable", clientToken, table.id(), parameters);
        Writes.commit(store, context, batch);
        return table;
    }

    public void delete(RequestContext context, String tableId) {
        defaults.ensure(context);
        Versioned<RouteTable> found = tables.require(context, tableId);
        if (!found.value().associations().isEmpty()) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The routeTable '" + tableId
                    + "' has dependencies and cannot be deleted.");
        }
        Writes.commit(store, context, new WriteBatch().delete(NetworkRecords.ROUTE_TABLES, found.key(), found.version()));
    }

    public List<RouteTable> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return tables.describe(context, ids, filters(context).compile(filters));
    }

    /** CreateRoute (or, with {@code replace}, ReplaceRoute) of a block to an internet gateway. */
    public void putRoute(RequestContext context, String tableId, String destination, String gatewayId, boolean replace) {
        defaults.ensure(context);
        Versioned<RouteTable> found = tables.require(context, tableId);
        RouteTable table = found.value();
        if (destination == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter destinationCidrBlock");
        }
        Ipv4Cidr cidr = Ipv4Cidr.parseOrNull(destination);
        if (cidr == null) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + destination
                    + ") for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.");
        }
        if (gatewayId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter gatewayId");
        }
        InternetGateway gateway = gateways.require(context, gatewayId).value();
        if (!table.vpcId().equals(gateway.attachedVpcId())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("route table " + tableId + " and network gateway "
                    + gatewayId + " belong to different networks");
        }
        boolean withinTheVpc = table.routes().stream().filter(Route::isLocal)
                .map(route -> Ipv4Cidr.parseOrNull(route.destinationCidrBlock()))
                .anyMatch(local -> local != null && local.contains(cidr));
        if (withinTheVpc) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Route target is not supported. This route only"
                    + " supports interface and instance targets.");
        }
        Optional<Route> existing = table.routes().stream()
                .filter(route -> route.destinationCidrBlock().equals(cidr.toString())).findFirst();
        List<Route> routes = new ArrayList<>(table.routes());
        if (replace) {
            Route current = existing.orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.exception("There is no route "
                    + "defined for '" + destination + "' in the route table. Use CreateRoute instead."));
            if (current.isLocal()) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.exception("cannot replace local route " + destination
                        + " in route table " + tableId);
            }
            routes.remove(current);
        } else if (existing.isPresent()) {
            throw Ec2Error.ROUTE_ALREADY_EXISTS.exception("The route identified by " + destination + " already exists.");
        } else if (routes.size() >= MAX_ROUTES) {
            throw Ec2Error.ROUTE_LIMIT_EXCEEDED.exception("The maximum number of routes has been reached.");
        }
        routes.add(Route.toGateway(cidr.toString(), gatewayId));
        commit(context, found, table.withRoutes(routes));
    }

    public void deleteRoute(RequestContext context, String tableId, String destination) {
        defaults.ensure(context);
        Versioned<RouteTable> found = tables.require(context, tableId);
        Route route = found.value().routes().stream()
                .filter(candidate -> candidate.destinationCidrBlock().equals(destination)).findFirst()
                .orElseThrow(() -> Ec2Error.INVALID_ROUTE_NOT_FOUND.exception("no route with destination-cidr-block "
                        + destination + " in route table " + tableId));
        if (route.isLocal()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("cannot remove local route " + destination
                    + " in route table " + tableId);
        }
        commit(context, found, found.value().withRoutes(found.value().routes().stream()
                .filter(candidate -> candidate != route).toList()));
    }

    /** AssociateRouteTable: answers the new association's id. */
    public String associate(RequestContext context, String tableId, String subnetId) {
        defaults.ensure(context);
        Versioned<RouteTable> found = tables.require(context, tableId);
        Subnet subnet = subnets.require(context, subnetId).value();
        if (!subnet.vpcId().equals(found.value().vpcId())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Route table " + tableId + " and subnet " + subnetId
                    + " belong to different networks");
        }
        if (tables.all(context).stream().flatMap(table -> table.associations().stream())
                .anyMatch(association -> subnetId.equals(association.subnetId()))) {
            throw Ec2Error.RESOURCE_ALREADY_ASSOCIATED.exception("the specified association for route table "
                    + tableId + " conflicts with an existing association");
        }
        RouteTableAssociation association =
                new RouteTableAssociation(ResourceIds.next(IdKind.ROUTE_TABLE_ASSOCIATION), false, subnetId);
        commit(context, found, found.value().withAssociation(association));
        return association.id();
    }

    public void disassociate(RequestContext context, String associationId) {
        defaults.ensure(context);
        Versioned<RouteTable> found = holding(context, associationId);
        RouteTableAssociation association = association(found.value(), associationId);
        if (association.main()) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("cannot disassociate the main route table association "
                    + associationId);
        }
        commit(context, found, found.value().withoutAssociation(associationId));
    }

    /**
     * ReplaceRouteTableAssociation: moves an association (a subnet's, or the VPC's main one) to another table
     * of the same VPC; answers the new association's id.
     */
    public String replaceAssociation(RequestContext context, String associationId, String tableId) {
        defaults.ensure(context);
        Versioned<RouteTable> from = holding(context, associationId);
        Versioned<RouteTable> to = tables.require(context, tableId);
        if (!from.value().vpcId().equals(to.value().vpcId())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Route table " + tableId
                    + " belongs to a different network");
        }
        RouteTableAssociation old = association(from.value(), associationId);
        RouteTableAssociation moved = new RouteTableAssociation(ResourceIds.next(IdKind.ROUTE_TABLE_ASSOCIATION),
                old.main(), old.subnetId());
        WriteBatch batch = new WriteBatch();
        if (from.key().equals(to.key())) {
            batch.put(NetworkRecords.ROUTE_TABLES, from.key(), from.version(),
                    from.value().withoutAssociation(associationId).withAssociation(moved));
        } else {
            batch.put(NetworkRecords.ROUTE_TABLES, from.key(), from.version(), from.value().withoutAssociation(associationId))
                    .put(NetworkRecords.ROUTE_TABLES, to.key(), to.version(), to.value().withAssociation(moved));
        }
        if (old.main()) {
            Versioned<Vpc> vpc = vpcs.require(context, from.value().vpcId());
            batch.put(NetworkRecords.VPCS, vpc.key(), vpc.version(), vpc.value().withMainRouteTable(tableId));
        }
        Writes.commit(store, context, batch);
        return moved.id();
    }

    /** A route's state: {@code blackhole} when its gateway is gone or detached from the table's VPC. */
    public String state(RequestContext context, RouteTable table, Route route) {
        if (route.isLocal()) {
            return "active";
        }
        return gateways.find(context, route.gatewayId())
                .filter(gateway -> table.vpcId().equals(gateway.attachedVpcId()))
                .map(gateway -> "active").orElse("blackhole");
    }

    private FilterSet<RouteTable> filters(RequestContext context) {
        return FilterSet.<RouteTable>builder()
                .many("association.route-table-association-id", table -> table.associations().stream()
                        .map(RouteTableAssociation::id).toList())
                .many("association.route-table-id", table -> table.associations().isEmpty() ? List.of()
                        : List.of(table.id()))
                .many("association.subnet-id", table -> table.associations().stream()
                        .map(RouteTableAssociation::subnetId).filter(java.util.Objects::nonNull).toList())
                // per association, as EC2 matches it: a table without associations is neither main nor not
                .many("association.main", table -> table.associations().stream()
                        .map(association -> Boolean.toString(association.main())).toList())
                .absent("association.gateway-id", "route.instance-id", "route.nat-gateway-id",
                        "route.vpc-peering-connection-id", "route.transit-gateway-id",
                        "route.destination-prefix-list-id", "route.destination-ipv6-cidr-block",
                        "route.egress-only-internet-gateway-id")
                .single("owner-id", RouteTable::ownerId)
                .single("route-table-id", RouteTable::id)
                .many("route.destination-cidr-block", table -> table.routes().stream()
                        .map(Route::destinationCidrBlock).toList())
                .many("route.gateway-id", table -> table.routes().stream().map(Route::gatewayId).toList())
                .many("route.origin", table -> table.routes().stream().map(Route::origin).toList())
                .many("route.state", table -> table.routes().stream().map(route -> state(context, table, route)).toList())
                .single("vpc-id", RouteTable::vpcId)
                .tags(RouteTable::tags)
                .build();
    }

    private Versioned<RouteTable> holding(RequestContext context, String associationId) {
        ResourceIds.requireWellFormed(IdKind.ROUTE_TABLE_ASSOCIATION, List.of(associationId));
        return store.list(NetworkRecords.ROUTE_TABLES, context.account(), context.region()).stream()
                .filter(table -> table.value().associations().stream()
                        .anyMatch(association -> association.id().equals(associationId)))
                .findFirst()
                .orElseThrow(() -> ResourceIds.notFound(IdKind.ROUTE_TABLE_ASSOCIATION, List.of(associationId)));
    }

    private static RouteTableAssociation association(RouteTable table, String associationId) {
        return table.associations().stream().filter(association -> association.id().equals(associationId))
                .findFirst().orElseThrow();
    }

    private void commit(RequestContext context, Versioned<RouteTable> found, RouteTable changed) {
        NetworkWrites.commit(store, context, new WriteBatch().put(NetworkRecords.ROUTE_TABLES, found.key(),
                found.version(), changed), "route table " + found.value().id());
    }

}
