package dev.gureum.core.network;

import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which subnets of a VPC reach the internet: those whose route table (the one associated with the subnet,
 * else the VPC's main table) has a route to an internet gateway attached to the VPC. Only their interfaces'
 * public addresses are translated, so on a subnet without such a route a public address answers nothing and
 * its instance reaches no internet, as on EC2. A route's destination block is not looked at: any route to
 * the gateway opens the way.
 */
final class InternetRoutes {
    private final Set<String> attachedGateways = new HashSet<>();
    private final Set<String> routedSubnets = new HashSet<>();
    private final Set<String> explicitlyAssociated;
    private boolean mainTableRouted;

    InternetRoutes(Store store, String account, String region, String vpcId) {
        for (Versioned<InternetGateway> gateway : store.list(NetworkRecords.INTERNET_GATEWAYS, account, region)) {
            if (vpcId.equals(gateway.value().attachedVpcId())) {
                attachedGateways.add(gateway.value().id());
            }
        }
        Set<String> associatedSubnets = new HashSet<>();
        for (Versioned<RouteTable> versioned : store.list(NetworkRecords.ROUTE_TABLES, account, region)) {
            RouteTable table = versioned.value();
            if (!vpcId.equals(table.vpcId())) {
                continue;
            }
            boolean routed = routesToGateway(table.routes());
            for (RouteTableAssociation association : table.associations()) {
                if (association.main()) {
                    mainTableRouted = routed;
                } else if (association.subnetId() != null) {
                    associatedSubnets.add(association.subnetId());
                    if (routed) {
                        routedSubnets.add(association.subnetId());
                    }
                }
            }
        }
        this.explicitlyAssociated = associatedSubnets;
    }

    boolean reachesInternet(String subnetId) {
        return explicitlyAssociated.contains(subnetId) ? routedSubnets.contains(subnetId) : mainTableRouted;
    }

    private boolean routesToGateway(List<Route> routes) {
        return routes.stream().anyMatch(route -> attachedGateways.contains(route.gatewayId()));
    }
}
