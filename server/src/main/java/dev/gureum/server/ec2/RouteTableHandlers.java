package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.network.RouteTable;
import dev.gureum.core.network.RouteTableService;
import dev.gureum.core.page.Page;
import dev.gureum.core.page.Pages;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteTableAssociationResponse;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociationState;

/**
 * Route tables, routes and associations. Gureum's routes go to the VPC itself or to an internet gateway;
 * a route to any other target (NAT gateway, peering, instance, …) is refused as unsupported.
 */
final class RouteTableHandlers {
    private final RouteTableService tables;

    RouteTableHandlers(RouteTableService tables) {
        this.tables = tables;
    }

    void registerInto(OperationTable table) {
        table.register(CreateRouteTableRequest.class, this::createRouteTable);
        table.register(DeleteRouteTableRequest.class, this::deleteRouteTable);
        table.register(DescribeRouteTablesRequest.class, this::describeRouteTables);
        table.register(CreateRouteRequest.class, this::createRoute);
        table.register(ReplaceRouteRequest.class, this::replaceRoute);
        table.register(DeleteRouteRequest.class, this::deleteRoute);
        table.register(AssociateRouteTableRequest.class, this::associate);
        table.register(DisassociateRouteTableRequest.class, this::disassociate);
        table.register(ReplaceRouteTableAssociationRequest.class, this::replaceAssociation);
    }

    CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request, RequestContext context) {
        RouteTable table = tables.create(context, request.vpcId(),
                Tags.forCreation(request.tagSpecifications(), "route-table"), request.clientToken());
        return CreateRouteTableResponse.builder().routeTable(NetworkShapes.routeTable(table, tables, context)).build();
    }

    DeleteRouteTableResponse deleteRouteTable(DeleteRouteTableRequest request, RequestContext context) {
        tables.delete(context, request.routeTableId());
        return DeleteRouteTableResponse.builder().build();
    }

    DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request, RequestContext context) {
        Page<RouteTable> page = Pages.page("DescribeRouteTables",
                tables.describe(context, request.routeTableIds(), Filters.of(request.filters())),
                RouteTable::id, request.maxResults(), request.nextToken(), VpcHandlers.MINIMUM_RESULTS,
                VpcHandlers.MAXIMUM_RESULTS);
        return DescribeRouteTablesResponse.builder()
                .routeTables(page.items().stream().map(table -> NetworkShapes.routeTable(table, tables, context)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    CreateRouteResponse createRoute(CreateRouteRequest request, RequestContext context) {
        requireGatewayTarget(request.natGatewayId(), request.instanceId(), request.networkInterfaceId(),
                request.vpcPeeringConnectionId(), request.transitGatewayId(), request.egressOnlyInternetGatewayId());
        tables.putRoute(context, request.routeTableId(), request.destinationCidrBlock(), request.gatewayId(), false);
        return CreateRouteResponse.builder().returnValue(true).build();
    }

    ReplaceRouteResponse replaceRoute(ReplaceRouteRequest request, RequestContext context) {
        requireGatewayTarget(request.natGatewayId(), request.instanceId(), request.networkInterfaceId(),
                request.vpcPeeringConnectionId(), request.transitGatewayId(), request.egressOnlyInternetGatewayId());
        tables.putRoute(context, request.routeTableId(), request.destinationCidrBlock(), request.gatewayId(), true);
        return ReplaceRouteResponse.builder().build();
    }

    DeleteRouteResponse deleteRoute(DeleteRouteRequest request, RequestContext context) {
        tables.deleteRoute(context, request.routeTableId(), request.destinationCidrBlock());
        return DeleteRouteResponse.builder().build();
    }

    AssociateRouteTableResponse associate(AssociateRouteTableRequest request, RequestContext context) {
        String id = tables.associate(context, request.routeTableId(), request.subnetId());
        return AssociateRouteTableResponse.builder().associationId(id)
                .associationState(RouteTableAssociationState.builder().state("associated").build()).build();
    }

    DisassociateRouteTableResponse disassociate(DisassociateRouteTableRequest request, RequestContext context) {
        tables.disassociate(context, request.associationId());
        return DisassociateRouteTableResponse.builder().build();
    }

    ReplaceRouteTableAssociationResponse replaceAssociation(ReplaceRouteTableAssociationRequest request,
                                                            RequestContext context) {
        String id = tables.replaceAssociation(context, request.associationId(), request.routeTableId());
        return ReplaceRouteTableAssociationResponse.builder().newAssociationId(id)
                .associationState(RouteTableAssociationState.builder().state("associated").build()).build();
    }

    private static void requireGatewayTarget(String... otherTargets) {
        for (String target : otherTargets) {
            if (target != null) {
                throw Ec2Error.UNSUPPORTED_OPERATION.exception("Gureum routes only to the VPC and to internet"
                        + " gateways; the target " + target + " is not supported.");
            }
        }
    }
}
