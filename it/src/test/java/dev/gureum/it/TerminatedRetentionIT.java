package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A terminated instance stays visible for one hour of cloud time, then it is gone (manual clock). */
class TerminatedRetentionIT {

    @Test
    void terminatedInstancesVanishAfterAnHour() throws Exception {
        try (GureumProcess server = GureumProcess.start("--clock", "manual");
             Ec2Client ec2 = Clients.ec2(server.endpoint())) {
            String image = Ec2PlatformIT.debianImage(ec2);
            String id = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            ec2.terminateInstances(r -> r.instanceIds(id));
            server.advanceClock(59 * 60);
            assertEquals("terminated", ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0)
                    .instances().get(0).state().nameAsString());
            server.advanceClock(60);
            assertEquals(0, ec2.describeInstances().reservations().size());
            Ec2PlatformIT.assertError(400, "InvalidInstanceID.NotFound",
                    () -> ec2.describeInstances(r -> r.instanceIds(id)));
        }
    }
}
