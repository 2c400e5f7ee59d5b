package dev.gureum.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.region.RegionCatalog;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ImageCatalogTest {
    private static final ImageCatalog CATALOG = ImageWorld.CATALOG;
    private static final String AL2023 = "al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64";

    @Test
    void everyRegionOffersTheSameNineteenImagesFromSevenPublishers() {
        RegionCatalog regions = RegionCatalog.load();
        regions.all().forEach(region -> assertEquals(19, CATALOG.images(region.name()).size(), region.name()));
        assertEquals(Set.of("137112412989", "099720109477", "136693071363", "309956199498", "013907871322",
                "801119661308", "000000000001"), CATALOG.images("us-east-1").stream().map(Image::ownerId).collect(Collectors.toSet()));
        assertTrue(CATALOG.images("us-east-1").stream().allMatch(image -> "amazon".equals(image.ownerAlias())
                && image.isPublic() && image.rootFilesystem() != null));
        assertEquals(List.of(), CATALOG.images("moon-east-1"));
    }

    @Test
    void idsAreDerivedFromRegionAndNameSoTheySurviveRestartsAndDifferPerRegion() {
        assertEquals("ami-474114e837d05f11b", ImageWorld.catalogImage("us-east-1", AL2023).id());
        assertEquals("ami-78faf3f6c22da1ed8", ImageWorld.catalogImage("eu-west-1", AL2023).id());
        ImageCatalog reloaded = ImageCatalog.load(RegionCatalog.load());
        assertEquals(CATALOG.images("ap-northeast-2"), reloaded.images("ap-northeast-2"));
        Set<String> ids = new HashSet<>();
        Set<String> snapshots = new HashSet<>();
        for (var region : RegionCatalog.load().all()) {
            for (Image image : CATALOG.images(region.name())) {
                assertTrue(ResourceIds.isWellFormed(IdKind.IMAGE, image.id()), image.id());
                assertTrue(ids.add(image.id()), "duplicate id " + image.id());
                String snapshot = image.blockDevices().get(0).snapshotId();
                assertTrue(ResourceIds.isWellFormed(IdKind.SNAPSHOT, snapshot), snapshot);
                assertTrue(snapshots.add(snapshot), "duplicate snapshot " + snapshot);
            }
        }
        assertNotEquals(ImageWorld.catalogImage("us-east-1", AL2023).blockDevices().get(0).snapshotId(),
                ImageWorld.catalogImage("us-west-2", AL2023).blockDevices().get(0).snapshotId());
    }

    @Test
    void amazonLinux2023CarriesItsPublishedFacts() {
        Image image = ImageWorld.catalogImage("us-east-1", AL2023);
        assertEquals("137112412989", image.ownerId());
        assertEquals("amazon/" + AL2023, image.imageLocation());
        assertEquals("Amazon Linux 2023 AMI 2023.9.20251117.1 x86_64 HVM kernel-6.1", image.description());
        assertEquals("x86_64", image.architecture());
        assertEquals("/dev/xvda", image.rootDeviceName());
        assertEquals(List.of(BlockDevice.ebs("/dev/xvda", image.blockDevices().get(0).snapshotId(), 8, "gp3", true,
                false, 3000, 125)), image.blockDevices());
        assertEquals("uefi-preferred", image.bootMode());
        assertEquals("v2.0", image.imdsSupport());
        assertEquals("Linux/UNIX", image.platformDetails());
        assertEquals("RunInstances", image.usageOperation());
        assertNull(image.platform());
        assertEquals("amazonlinux-2023", image.rootFilesystem());
        assertEquals(ImageState.AVAILABLE, image.state(Instant.parse("2026-11-29T00:00:00Z")));
        assertTrue(image.isDeprecated(Instant.parse("2027-11-19T00:00:00Z")));
    }

    @Test
    void licensedImagesCarryTheirBillingCodes() {
        Image rhel = ImageWorld.catalogImage("us-east-1", "RHEL-9.6.0_HVM-20251030-x86_64-0-Hourly2-GP3");
        assertEquals(List.of("Red Hat Enterprise Linux", "RunInstances:0010", "/dev/sda1", "rhel-9"),
                List.of(rhel.platformDetails(), rhel.usageOperation(), rhel.rootDeviceName(), rhel.rootFilesystem()));
        Image suse = ImageWorld.catalogImage("us-east-1", "suse-sles-15-sp7-v20251106-hvm-ssd-x86_64");
        assertEquals(List.of("SUSE Linux", "RunInstances:000g"), List.of(suse.platformDetails(), suse.usageOperation()));
        Image windows = ImageWorld.catalogImage("us-east-1", "Windows_Server-2022-English-Full-Base-2025.11.12");
        assertEquals(List.of("windows", "Windows", "RunInstances:0002", "801119661308"),
                List.of(windows.platform(), windows.platformDetails(), windows.usageOperation(), windows.ownerId()));
        assertEquals(30, windows.blockDevices().get(0).volumeSize());
        Image ubuntu = ImageWorld.catalogImage("us-east-1",
                "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20251113");
        assertEquals(List.of("/dev/sda1", "/dev/sdb", "/dev/sdc"),
                ubuntu.blockDevices().stream().map(BlockDevice::deviceName).toList());
        assertEquals("ephemeral1", ubuntu.blockDevices().get(2).virtualName());
    }
}
