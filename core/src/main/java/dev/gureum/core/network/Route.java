package dev.gureum.core.network;

/**
 * One route of a route table: a destination block and where it goes, either {@code local} (the VPC's own
 * range, made with the table and never removable) or an internet gateway. {@code origin} is EC2's
 * CreateRouteTable (the local route) or CreateRoute.
 */
public record Route(String destinationCidrBlock, String gatewayId, String origin) {
    public static final String LOCAL = "local";

    public static Route local(String vpcCidr) {
        return new Route(vpcCidr, LOCAL, "CreateRouteTable");
    }

    public static Route toGateway(String destination, String gatewayId) {
        return new Route(destination, gatewayId, "CreateRoute");
    }

    public boolean isLocal() {
        return LOCAL.equals(gatewayId);
    }
}
