package dev.gureum.core.network;

/** The DNS names EC2 gives addresses: private ones inside the VPC, public ones on the internet. */
public final class NetworkNames {
    private static final String FIRST_REGION = "us-east-1";

    private NetworkNames() {
    }

    /** {@code ec2.internal} in us-east-1, {@code <region>.compute.internal} elsewhere. */
    public static String internalDomain(String region) {
        return FIRST_REGION.equals(region) ? "ec2.internal" : region + ".compute.internal";
    }

    /** {@code ip-10-0-1-5.ec2.internal}. */
    public static String privateDnsName(String privateIp, String region) {
        return "ip-" + privateIp.replace('.', '-') + "." + internalDomain(region);
    }

    /** {@code ec2-203-0-113-25.compute-1.amazonaws.com} in us-east-1, {@code ec2-….<region>.compute.amazonaws.com} elsewhere. */
    public static String publicDnsName(String publicIp, String region) {
        String domain = FIRST_REGION.equals(region) ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
        return "ec2-" + publicIp.replace('.', '-') + "." + domain;
    }
}
