package dev.gureum.core.runtime;

/**
 * Where an instance's primary interface sits, as a runtime wires it: its VPC, its subnet and that subnet's
 * IPv4 block (e.g. 172.31.0.0/20), the private address from the instance record, and the interface's MAC
 * address, which the instance's network device carries as on EC2 (null when the interface is not known).
 */
public record NetworkPlacement(String vpcId, String subnetId, String subnetCidrBlock, String privateIpAddress,
                               String macAddress) {
}
