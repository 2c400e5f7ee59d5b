package dev.gureum.core.instancetype;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Turns one row of instance-types.tsv into an {@link InstanceType}; the file's header explains the cells. */
final class InstanceTypeRow {
    private static final String NONE = "-";

    private final Map<String, String> cells;

    private InstanceTypeRow(Map<String, String> cells) {
        this.cells = cells;
    }

    static InstanceType parse(Map<String, String> cells, Family family) {
        return new InstanceTypeRow(cells).instanceType(family);
    }

    private InstanceType instanceType(Family family) {
        String hypervisor = text("hypervisor");
        if (flag("bare-metal") != (hypervisor == null)) {
            throw new IllegalStateException(text("instance-type")
                    + ": bare metal types, and only they, have no hypervisor");
        }
        return new InstanceType(text("instance-type"), family.category(), flag("current-generation"),
                flag("free-tier-eligible"), hypervisor, virtualCpus(), number("memory-mib"), processor(),
                instanceStorage(), ebs(), network(), accelerator("gpus"), accelerator("inference-accelerators"),
                neuronDevice(), platform(), burst(family));
    }

    private InstanceType.VirtualCpus virtualCpus() {
        return new InstanceType.VirtualCpus(integer("vcpus"), integer("cores"),
                integer("threads-per-core"), numbers("valid-cores"), numbers("valid-threads-per-core"));
    }

    private InstanceType.Processor processor() {
        String clock = text("clock-ghz");
        return new InstanceType.Processor(words("architectures"), clock == null ? null : Double.valueOf(clock),
                text("manufacturer"), words("processor-features"));
    }

    private InstanceType.InstanceStorage instanceStorage() {
        String storage = text("instance-storage");
        if (storage == null) {
            return null;
        }
        String[] countSizeType = storage.split("[x:]");
        return new InstanceType.InstanceStorage(Integer.parseInt(countSizeType[0]), Long.parseLong(countSizeType[1]),
                countSizeType[2], text("storage-nvme"), text("storage-encryption"));
    }

    private InstanceType.Ebs ebs() {
        String bandwidth = text("ebs-bandwidth-mbps");
        InstanceType.EbsPerformance performance = null;
        if (bandwidth != null) {
            String[] megabits = bandwidth.split("/");
            String[] iops = text("ebs-iops").split("/");
            performance = new InstanceType.EbsPerformance(Integer.parseInt(megabits[0]), Integer.parseInt(megabits[1]),
                    Integer.parseInt(iops[0]), Integer.parseInt(iops[1]));
        }
        return new InstanceType.Ebs(text("ebs-optimized"), performance, text("ebs-nvme"), text("ebs-encryption"),
                integer("ebs-attachments"), text("ebs-attachment-limit"));
    }

    private InstanceType.Network network() {
        String[] cardBandwidth = text("card-bandwidth-gbps").split("/");
        return new InstanceType.Network(text("network-performance"), integer("network-interfaces"),
                integer("network-cards"), text("card-performance"), Double.parseDouble(cardBandwidth[0]),
                Double.parseDouble(cardBandwidth[1]), integer("ipv4-per-interface"),
                integer("ipv6-per-interface"), text("ena"), integer("efa-interfaces"),
                flag("encryption-in-transit"), text("flexible-ena-queues"), words("bandwidth-weightings"));
    }

    private InstanceType.Accelerator accelerator(String column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":");
        return new InstanceType.Accelerator(Integer.parseInt(parts[0]), parts[1], parts[2], Integer.parseInt(parts[3]));
    }

    private InstanceType.NeuronDevice neuronDevice() {
        String value = text("neuron-devices");
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":");
        return new InstanceType.NeuronDevice(Integer.parseInt(parts[0]), parts[1], Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]), Integer.parseInt(parts[4]));
    }

    private InstanceType.Platform platform() {
        return new InstanceType.Platform(words("usage-classes"), words("root-device-types"),
                words("virtualization-types"), words("boot-modes"), words("placement-strategies"), flag("hibernation"),
                flag("auto-recovery"), flag("dedicated-hosts"), text("nitro-enclaves"), text("nitro-tpm"),
                text("reboot-migration"));
    }

    private InstanceType.Burst burst(Family family) {
        String percent = text("burst-baseline-percent");
        if (percent == null) {
            return null;
        }
        if (family.defaultCpuCredits() == null) {
            throw new IllegalStateException(text("instance-type") + " bursts but its family has no credit option");
        }
        return new InstanceType.Burst(Double.parseDouble(percent), family.defaultCpuCredits());
    }

    /** The cell, or null for "-". */
    private String text(String column) {
        String value = cells.get(column);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException("instance-types.tsv has no value for " + column);
        }
        return NONE.equals(value) ? null : value;
    }

    private long number(String column) {
        return Long.parseLong(text(column));
    }

    private int integer(String column) {
        return Integer.parseInt(text(column));
    }

    private boolean flag(String column) {
        String value = text(column);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw new IllegalStateException(column + " must be true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private List<String> words(String column) {
        String value = text(column);
        return value == null ? List.of() : Arrays.asList(value.split(","));
    }

    /** A number list whose items may be ranges "first-last" or "first-last/step". */
    private List<Integer> numbers(String column) {
        List<Integer> numbers = new ArrayList<>();
        for (String item : words(column)) {
            int dash = item.indexOf('-');
            if (dash < 0) {
                numbers.add(Integer.parseInt(item));
                continue;
            }
            int slash = item.indexOf('/');
            int first = Integer.parseInt(item.substring(0, dash));
            int last = Integer.parseInt(item.substring(dash + 1, slash < 0 ? item.length() : slash));
            int step = slash < 0 ? 1 : Integer.parseInt(item.substring(slash + 1));
            for (int value = first; value <= last; value += step) {
                numbers.add(value);
            }
        }
        return numbers;
    }
}
