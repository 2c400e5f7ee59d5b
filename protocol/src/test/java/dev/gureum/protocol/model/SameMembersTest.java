package dev.gureum.protocol.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.CreateSnapshotResponse;
import software.amazon.awssdk.services.ec2.model.CreateVolumeResponse;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/** An output shaped as a resource is filled member by member from the resource's shape. */
class SameMembersTest {

    @Test
    void aCreatedVolumeAnswersEveryMemberOfTheVolume() {
        Volume volume = Volume.builder().volumeId("vol-0123456789abcdef0").size(8).availabilityZone("us-east-1a")
                .state("creating").createTime(Instant.parse("2026-11-30T09:00:00Z")).volumeType("gp3").iops(3000)
                .throughput(125).encrypted(false).snapshotId("").multiAttachEnabled(false).fastRestored(false)
                .attachments(List.of(VolumeAttachment.builder().instanceId("i-0123456789abcdef0").device("/dev/xvdf")
                        .build()))
                .tags(Tag.builder().key("Name").value("data").build()).build();

        CreateVolumeResponse created = SameMembers.copy(volume, CreateVolumeResponse.builder()).build();

        for (var field : volume.sdkFields()) {
            assertEquals(field.getValueOrDefault(volume), created.getValueForField(field.memberName(), Object.class)
                    .orElse(null), field.memberName());
        }
        assertEquals("vol-0123456789abcdef0", created.volumeId());
        assertEquals("data", created.tags().getFirst().value());
    }

    @Test
    void aShapeWithMembersTheOutputLacksIsRefused() {
        Snapshot snapshot = Snapshot.builder().snapshotId("snap-0123456789abcdef0").build();

        assertThrows(IllegalArgumentException.class, () -> SameMembers.copy(snapshot, CreateVolumeResponse.builder()));
        assertEquals("snap-0123456789abcdef0",
                SameMembers.copy(snapshot, CreateSnapshotResponse.builder()).build().snapshotId());
    }
}
