package dev.gureum.core.network;

/** A route table's association: the VPC's main one ({@code main}, no subnet) or with one subnet. */
public record RouteTableAssociation(String id, boolean main, String subnetId) {
}
