package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DomainType;

/**
 * Metering end to end on the manual clock: what ran, launched and stopped through the real SDK, shows up on
 * the month's bill at list price, per second of running time and per GiB-month of volume.
 */
class BillingIT {
    private static GureumProcess server;
    private static Ec2Client ec2;

    /** More than the clock moves in all of this class's tests together (about six hours). */
    private static final java.time.Duration TESTS_ADVANCE = java.time.Duration.ofHours(8);

    @BeforeAll
    static void start() {
        server = GureumProcess.start("--clock", "manual");
        ec2 = Clients.ec2(server.endpoint());
        server.keepWithinOneMonth(TESTS_ADVANCE);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            ec2.close();
            server.close();
        }
    }

    @Test
    void ninetySecondsOfAT3MicroAndItsRootVolumeAreOnTheBill() {
        String debian = Ec2PlatformIT.debianImage(ec2);
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        server.awaitInstanceState(ec2, id, "running");
        server.advanceClock(90);
        ec2.stopInstances(r -> r.instanceIds(id));
        server.awaitInstanceState(ec2, id, "stopped");
        server.advanceClock(3600);

        String bill = server.admin("GET", "/_gureum/bill?month=" + month());
        BigDecimal hours = quantity(bill, "BoxUsage:t3.micro");
        assertTrue(hours.compareTo(new BigDecimal("0.025")) >= 0 && hours.compareTo(new BigDecimal("0.0256")) < 0,
                "about 90 s of running (the clock moved a few seconds while the state settled): " + hours);
        assertEquals(0, hours.multiply(new BigDecimal("0.0104")).setScale(6, java.math.RoundingMode.HALF_UP)
                .compareTo(cost(bill, "BoxUsage:t3.micro").setScale(6, java.math.RoundingMode.HALF_UP)),
                "t3.micro at $0.0104 an hour in us-east-1: " + bill);
        assertTrue(quantity(bill, "EBS:VolumeUsage.gp2").signum() > 0, "the root volume, billed while stopped too");
    }

    @Test
    void anElasticIpIsBilledIdleUntilAssociatedAndInUseAfter() {
        String debian = Ec2PlatformIT.debianImage(ec2);
        String id = ec2.runInstances(r -> r.imageId(debian).instanceType("t3.nano").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        server.awaitInstanceState(ec2, id, "running");
        var address = ec2.allocateAddress(r -> r.domain(DomainType.VPC));
        server.advanceClock(3600);
        String association = ec2.associateAddress(r -> r.allocationId(address.allocationId()).instanceId(id))
                .associationId();
        server.advanceClock(1800);
        ec2.disassociateAddress(r -> r.associationId(association));
        ec2.releaseAddress(r -> r.allocationId(address.allocationId()));

        String bill = server.admin("GET", "/_gureum/bill?month=" + month());
        assertEquals(0, BigDecimal.ONE.compareTo(quantity(bill, "USE1-PublicIPv4:IdleAddress")),
                "an hour allocated and associated with nothing: " + bill);
        assertEquals(0, new BigDecimal("0.005").compareTo(cost(bill, "USE1-PublicIPv4:IdleAddress")),
                "$0.005 per address-hour: " + bill);
        assertTrue(quantity(bill, "USE1-PublicIPv4:InUseAddress").compareTo(new BigDecimal("0.5")) >= 0,
                "half an hour on the instance, beside the address it was launched with: " + bill);
        ec2.terminateInstances(r -> r.instanceIds(id));
    }

    @Test
    void anElasticIpIsIdleWhileItsInstanceIsStopped() {
        try (Ec2Client west = Clients.ec2(server.endpoint(), software.amazon.awssdk.regions.Region.US_WEST_1, "test",
                "test")) {
            String image = Ec2PlatformIT.debianImage(west);
            String id = west.runInstances(r -> r.imageId(image).instanceType("t3.nano").minCount(1).maxCount(1)
                    .networkInterfaces(n -> n.deviceIndex(0).associatePublicIpAddress(false))).instances().get(0)
                    .instanceId();
            server.awaitInstanceState(west, id, "running");
            String allocation = west.allocateAddress(r -> r.domain(DomainType.VPC)).allocationId();
            west.associateAddress(r -> r.allocationId(allocation).instanceId(id));
            server.advanceClock(3600);
            west.stopInstances(r -> r.instanceIds(id));
            server.awaitInstanceState(west, id, "stopped");
            server.advanceClock(3600);
            west.startInstances(r -> r.instanceIds(id));
            server.awaitInstanceState(west, id, "running");
            server.advanceClock(3600);
            west.stopInstances(r -> r.instanceIds(id));
            server.awaitInstanceState(west, id, "stopped");
            west.disassociateAddress(r -> r.publicIp(west.describeAddresses(a -> a.allocationIds(allocation))
                    .addresses().get(0).publicIp()));
            west.associateAddress(r -> r.allocationId(allocation).instanceId(id));
            server.advanceClock(1800);
            west.terminateInstances(r -> r.instanceIds(id));
            west.releaseAddress(r -> r.allocationId(allocation));

            String bill = server.admin("GET", "/_gureum/bill?month=" + month());
            assertEquals(0, new BigDecimal("2").compareTo(quantity(bill, "USW1-PublicIPv4:InUseAddress").setScale(3,
                    java.math.RoundingMode.HALF_UP)), "the two hours its instance ran: " + bill);
            assertEquals(0, new BigDecimal("1.5").compareTo(quantity(bill, "USW1-PublicIPv4:IdleAddress").setScale(3,
                    java.math.RoundingMode.HALF_UP)), "the hour its instance was stopped, and the half hour after it was"
                    + " associated again with the stopped instance: " + bill);
        }
    }

    @Test
    void aSnapshotIsBilledForTheBytesItStoresNotForItsVolumesSize() {
        String volume = ec2.createVolume(r -> r.availabilityZone("us-east-1a").size(100)).volumeId();
        ec2.waiter().waitUntilVolumeAvailable(r -> r.volumeIds(volume));
        byte[] written = new byte[1 << 20];
        new java.util.Random(7).nextBytes(written);
        DiskFiles.write(server.dataDirectory().resolve("volumes/000000000000/us-east-1/" + volume + ".img"), 5L << 30,
                written);
        String snapshot = ec2.createSnapshot(r -> r.volumeId(volume)).snapshotId();
        ec2.waiter().waitUntilSnapshotCompleted(r -> r.snapshotIds(snapshot));
        server.advanceClock(3600);

        BigDecimal gbMonths = quantity(server.admin("GET", "/_gureum/bill?month=" + month()), "EBS:SnapshotUsage");
        BigDecimal oneMibForAnHour = BigDecimal.ONE.divide(BigDecimal.valueOf(1024L * 24 * 30),
                java.math.MathContext.DECIMAL64);
        assertTrue(gbMonths.compareTo(oneMibForAnHour.multiply(new BigDecimal("0.9"))) > 0
                && gbMonths.compareTo(oneMibForAnHour.multiply(new BigDecimal("3"))) < 0,
                "about 1 MiB stored for an hour, not 100 GiB: " + gbMonths);
        ec2.deleteSnapshot(r -> r.snapshotId(snapshot));
        ec2.deleteVolume(r -> r.volumeId(volume));
    }

    private static String month() {
        String health = server.admin("GET", "/_gureum/health");
        Matcher now = Pattern.compile("\"now\":\"(\\d{4}-\\d{2})").matcher(health);
        assertTrue(now.find(), health);
        return now.group(1);
    }

    private static BigDecimal quantity(String bill, String usageType) {
        return field(bill, usageType, "quantity");
    }

    private static BigDecimal cost(String bill, String usageType) {
        return field(bill, usageType, "costUsd");
    }

    private static BigDecimal field(String bill, String usageType, String name) {
        Matcher line = Pattern.compile("\"usageType\":\"" + Pattern.quote(usageType) + "\"[^}]*\"" + name
                + "\":\"([0-9.E-]+)\"").matcher(bill);
        assertTrue(line.find(), usageType + " " + name + " in " + bill);
        return new BigDecimal(line.group(1));
    }

}
