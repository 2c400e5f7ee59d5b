package dev.gureum.protocol.ec2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;

class KeptEncodingsTest {
    @Test
    void aKeptShapeIsWrittenAsItWouldBeAndItsEncodingIsReusedForThatObjectOnly() {
        Instance kept = instance("i-0123456789abcdef0", "web");
        Instance equalButNotKept = instance("i-0123456789abcdef0", "web");
        Ec2XmlEncoder.keepEncoding(kept);

        byte[] plain = Ec2XmlEncoder.encode("DescribeInstances", answer(equalButNotKept), "r");
        byte[] first = Ec2XmlEncoder.encode("DescribeInstances", answer(kept), "r");
        byte[] again = Ec2XmlEncoder.encode("DescribeInstances", answer(kept, kept), "r");

        assertArrayEquals(plain, first);
        String twice = new String(again);
        assertEquals(2, twice.split("<instanceId>i-0123456789abcdef0</instanceId>", -1).length - 1, twice);
        assertArrayEquals(plain, Ec2XmlEncoder.encode("DescribeInstances", answer(equalButNotKept), "r"));
    }

    @Test
    void anEncodingGoesWithItsObject() throws InterruptedException {
        KeptEncodings encodings = new KeptEncodings();
        Object held = new Object();
        encodings.keep(held);
        encodings.keep(held);
        encodings.store(held, new byte[] {1});
        assertArrayEquals(new byte[] {1}, encodings.encoding(held));
        assertNull(encodings.encoding(new Object()));
        keepAndDrop(encodings);
        assertEquals(2, encodings.size(), "the held object and the dropped one, not yet collected");
        for (int attempt = 0; attempt < 50 && encodings.size() > 1; attempt++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(1, encodings.size(), "only the held object's encoding is left");
        assertArrayEquals(new byte[] {1}, encodings.encoding(held));
    }

    private static void keepAndDrop(KeptEncodings encodings) {
        Object dropped = new Object();
        encodings.keep(dropped);
        encodings.store(dropped, new byte[2 << 20]);
    }

    private static Instance instance(String id, String name) {
        return Instance.builder().instanceId(id).instanceType("t3.micro")
                .tags(Tag.builder().key("Name").value(name).build()).build();
    }

    private static DescribeInstancesResponse answer(Instance... instances) {
        return DescribeInstancesResponse.builder()
                .reservations(Reservation.builder().reservationId("r-1").instances(List.of(instances)).build()).build();
    }
}
