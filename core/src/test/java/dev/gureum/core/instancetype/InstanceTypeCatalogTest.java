package dev.gureum.core.instancetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The data files: enough types in every category, and every type's facts consistent with each other. */
class InstanceTypeCatalogTest {
    private static final InstanceTypeCatalog CATALOG = InstanceTypeCatalog.load();
    /** A family name: series letters, a generation, then attribute letters ("g" is Graviton). */
    private static final Pattern FAMILY = Pattern.compile("([a-z]+-?)(\\d+)([a-z0-9-]*)");
    private static final Set<String> XEN_FAMILIES = Set.of("t2", "m1", "m3", "m4", "c4", "r4", "x1", "h1", "i3");

    @Test
    void everyCategoryHasItsFamiliesAndTheCatalogHasAtLeast150Types() {
        assertTrue(CATALOG.all().size() >= 150, "only " + CATALOG.all().size() + " types");
        Map<Category, Integer> counts = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            counts.put(category, CATALOG.inCategory(category).size());
            assertTrue(CATALOG.inCategory(category).size() >= 20, category + " has " + counts.get(category));
        }
        assertEquals(CATALOG.all().size(), counts.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Category.GENERAL_PURPOSE, type("t3.micro").category());
        assertEquals(Category.COMPUTE_OPTIMIZED, type("c7g.large").category());
        assertEquals(Category.MEMORY_OPTIMIZED, type("x2iedn.xlarge").category());
        assertEquals(Category.MEMORY_OPTIMIZED, type("u-6tb1.112xlarge").category());
        assertEquals(Category.MEMORY_OPTIMIZED, type("z1d.large").category());
        assertEquals(Category.ACCELERATED_COMPUTING, type("inf2.xlarge").category());
        assertEquals(Category.STORAGE_OPTIMIZED, type("is4gen.medium").category());
    }

    @Test
    void theBriefsFamiliesAreAllThere() {
        Set<String> families = CATALOG.all().stream().map(InstanceType::family).collect(Collectors.toSet());
        for (String family : List.of("t2", "t3", "t3a", "t4g", "m5", "m6i", "m7i", "m7g", "m7a", "m8g", "c5", "c6i",
                "c7i", "c7g", "c7a", "r5", "r6i", "r7i", "r7g", "x2idn", "x2iedn", "u-6tb1", "z1d", "p4d", "p5", "g5",
                "g6", "g6e", "inf2", "trn1", "i3", "i4i", "im4gn", "is4gen", "d3", "d3en", "h1")) {
            assertTrue(families.contains(family), family);
        }
        assertEquals(List.of("t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge", "t3.2xlarge"),
                CATALOG.all().stream().filter(type -> type.family().equals("t3"))
                        .sorted(java.util.Comparator.comparingLong(InstanceType::memoryMebibytes))
                        .map(InstanceType::name).toList());
    }

    @Test
    void virtualCpusAreCoresTimesThreadsAndTheDefaultsAreValidChoices() {
        for (InstanceType type : CATALOG.all()) {
            InstanceType.VirtualCpus cpus = type.virtualCpus();
            assertEquals(cpus.defaultVcpus(), cpus.defaultCores() * cpus.defaultThreadsPerCore(), type.name());
            assertEquals(cpus.validCores().isEmpty(), cpus.validThreadsPerCore().isEmpty(), type.name());
            if (!cpus.validCores().isEmpty()) {
                assertTrue(cpus.validCores().contains(cpus.defaultCores()), type.name());
                assertTrue(cpus.validThreadsPerCore().contains(cpus.defaultThreadsPerCore()), type.name());
            }
            assertTrue(type.memoryMebibytes() >= 512, type.name());
        }
    }

    @Test
    void armTypesAreExactlyTheGravitonFamilies() {
        for (InstanceType type : CATALOG.all()) {
            Matcher family = FAMILY.matcher(type.family());
            assertTrue(family.matches(), type.family());
            boolean graviton = family.group(3).contains("g");
            List<String> architectures = type.processor().architectures();
            assertEquals(graviton, architectures.contains("arm64"), type.name());
            assertEquals(graviton, type.processor().manufacturer().equals("AWS"), type.name());
            if (graviton) {
                assertEquals(List.of("arm64"), architectures, type.name());
                assertEquals(List.of("uefi"), type.platform().bootModes(), type.name());
            } else {
                assertTrue(architectures.contains("x86_64"), type.name());
            }
        }
        assertEquals(List.of("i386", "x86_64"), type("t2.micro").processor().architectures());
    }

    @Test
    void storageIsPresentWhereTheCategoryOrNameSaysSo() {
        for (InstanceType type : CATALOG.all()) {
            InstanceType.InstanceStorage storage = type.instanceStorage();
            if (type.category() == Category.STORAGE_OPTIMIZED) {
                assertNotNull(storage, type.name());
            }
            Matcher family = FAMILY.matcher(type.family());
            assertTrue(family.matches());
            if (family.group(3).contains("d")) {
                assertNotNull(storage, type.name() + ": a 'd' family has local NVMe disks");
            }
            if (storage != null) {
                assertTrue(storage.diskCount() > 0 && storage.diskSizeGigabytes() > 0, type.name());
                assertTrue(Set.of("ssd", "hdd").contains(storage.diskType()), type.name());
                assertEquals(storage.diskCount() * storage.diskSizeGigabytes(), storage.totalSizeGigabytes());
            }
        }
        InstanceType d3 = type("d3en.12xlarge");
        assertEquals("hdd", d3.instanceStorage().diskType());
        assertEquals(24, d3.instanceStorage().diskCount());
        assertEquals("required", type("i4i.large").instanceStorage().nvmeSupport());
        assertEquals(List.of("ebs", "instance-store"), type("m3.medium").platform().rootDeviceTypes());
        assertEquals(List.of("hvm", "paravirtual"), type("m1.small").platform().virtualizationTypes());
    }

    @Test
    void hypervisorBareMetalAndBurstingFollowTheFamily() {
        for (InstanceType type : CATALOG.all()) {
            assertEquals(type.name().contains("metal"), type.bareMetal(), type.name());
            if (!type.bareMetal()) {
                assertEquals(XEN_FAMILIES.contains(type.family()) ? "xen" : "nitro", type.hypervisor(), type.name());
            }
            assertEquals(type.family().matches("t\\d[a-z]*"), type.burstable(), type.name());
            assertEquals(type.ebs().optimizedSupport().equals("unsupported"), type.ebs().performance() == null,
                    type.name());
            if (type.ebs().performance() != null) {
                InstanceType.EbsPerformance ebs = type.ebs().performance();
                assertTrue(ebs.baselineBandwidthMbps() <= ebs.maximumBandwidthMbps(), type.name());
                assertTrue(ebs.baselineIops() <= ebs.maximumIops(), type.name());
            }
            assertEquals(!"xen".equals(type.hypervisor()), type.ebs().nvmeSupport().equals("required"), type.name());
        }
        assertEquals(12, type("t3.micro").cpuCreditsPerHour(), 1e-9);
        assertEquals(81.6, type("t2.2xlarge").cpuCreditsPerHour(), 1e-9);
        assertEquals(192, type("t4g.2xlarge").cpuCreditsPerHour(), 1e-9);
        assertEquals("standard", type("t2.nano").burst().defaultCpuCredits());
        assertEquals("unlimited", type("t3a.small").burst().defaultCpuCredits());
        assertNull(type("m7i.metal-48xl").hypervisor());
    }

    @Test
    void networkingAndAcceleratorsAreConsistent() {
        for (InstanceType type : CATALOG.all()) {
            InstanceType.Network network = type.network();
            assertEquals(0, network.maximumInterfaces() % network.maximumCards(), type.name());
            assertTrue(network.ipv4AddressesPerInterface() >= 2, type.name());
            if (network.maximumCards() == 1) {
                assertEquals(network.performance(), network.cardPerformance(), type.name());
            }
            boolean accelerated = type.gpu() != null || type.neuronDevice() != null;
            assertEquals(type.category() == Category.ACCELERATED_COMPUTING, accelerated, type.name());
            if (type.inferenceAccelerator() != null) {
                assertNotNull(type.neuronDevice(), type.name());
            }
        }
        InstanceType p5 = type("p5.48xlarge");
        assertEquals(new InstanceType.Accelerator(8, "NVIDIA", "H100", 81920), p5.gpu());
        assertEquals(655360, p5.gpu().totalMemoryMebibytes());
        assertEquals(List.of("capacity-block", "on-demand", "spot"), p5.platform().usageClasses());
        assertEquals(32, p5.network().maximumCards());
        assertEquals(2, p5.network().interfacesPerCard());
        assertEquals(new InstanceType.NeuronDevice(16, "Trainium", 2, 2, 32768), type("trn1.32xlarge").neuronDevice());
        assertEquals("A10G", type("g5.xlarge").gpu().name());
        assertEquals("L40S", type("g6e.xlarge").gpu().name());
        assertFalse(type("m7i.large").network().efaSupported());
    }

    @Test
    void publishedFactsOfWellKnownTypes() {
        InstanceType m7i = type("m7i.large");
        assertEquals(2, m7i.virtualCpus().defaultVcpus());
        assertEquals(8192, m7i.memoryMebibytes());
        assertEquals("Up to 12.5 Gigabit", m7i.network().performance());
        assertEquals(3, m7i.network().maximumInterfaces());
        assertEquals(10, m7i.network().ipv4AddressesPerInterface());
        InstanceType micro = type("t3.micro");
        assertTrue(micro.freeTierEligible());
        assertEquals("Up to 5 Gigabit", micro.network().performance());
        assertEquals(new InstanceType.EbsPerformance(87, 2085, 500, 11800), micro.ebs().performance());
        assertEquals(List.of("partition", "spread"), micro.platform().placementStrategies());
        assertEquals(3.4, type("c5.large").processor().sustainedClockSpeedGigahertz(), 1e-9);
        assertEquals(List.of(1, 2), type("c5.large").virtualCpus().validThreadsPerCore());
        assertEquals(47, type("m7i.48xlarge").virtualCpus().validCores().size());
    }

    private static InstanceType type(String name) {
        return CATALOG.find(name).orElseThrow(() -> new AssertionError(name + " is missing"));
    }
}
