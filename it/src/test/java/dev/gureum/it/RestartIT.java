package dev.gureum.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;

/** What was acknowledged survives kill -9: instances, their states and tags, key pairs. */
class RestartIT {

    @Test
    void stateSurvivesKillDashNine() {
        try (GureumProcess server = GureumProcess.start()) {
            List<String> ids;
            String stoppedId;
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                ec2.createKeyPair(r -> r.keyName("kept"));
                String image = Ec2PlatformIT.debianImage(ec2);
                ids = ec2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(3).maxCount(3)
                        .keyName("kept")).instances().stream().map(Instance::instanceId).sorted().toList();
                stoppedId = ids.get(1);
                ec2.stopInstances(r -> r.instanceIds(stoppedId));
                ec2.createTags(r -> r.resources(ids.get(0)).tags(t -> t.key("role").value("db")));
            }
            server.kill();
            server.restart();
            try (Ec2Client ec2 = Clients.ec2(server.endpoint())) {
                List<Instance> after = ec2.describeInstances().reservations().stream()
                        .flatMap(reservation -> reservation.instances().stream())
                        .sorted(java.util.Comparator.comparing(Instance::instanceId)).toList();
                assertEquals(ids, after.stream().map(Instance::instanceId).toList());
                assertEquals("stopped", after.get(1).state().nameAsString());
                assertEquals("running", after.get(0).state().nameAsString());
                assertEquals("db", after.get(0).tags().get(0).value());
                assertEquals(1, ec2.describeKeyPairs(r -> r.keyNames("kept")).keyPairs().size());
            }
        }
    }
}
