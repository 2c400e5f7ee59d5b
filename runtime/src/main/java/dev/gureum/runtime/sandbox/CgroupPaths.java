package dev.gureum.runtime.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the sandbox's cgroups live. Instances get {@code /gureum/<container>} in every hierarchy crun
 * uses; the {@code gureum} parent is removed when the runtime closes. On a cgroup v1 (or hybrid) host
 * each controller has its own tree; on a pure cgroup v2 host there is one.
 */
final class CgroupPaths {
    static final String PARENT = "gureum";
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    private CgroupPaths() {
    }

    /** The root of one controller's hierarchy: /sys/fs/cgroup/memory on v1, /sys/fs/cgroup itself on v2. */
    static Path controllerRoot(String controller) {
        Path v1 = ROOT.resolve(controller);
        return Files.isDirectory(v1) ? v1 : ROOT;
    }

    /** The OCI cgroupsPath of a container. */
    static String cgroupsPath(String containerId) {
        return "/" + PARENT + "/" + containerId;
    }

    /** Every {@code gureum} parent cgroup the host has, in every hierarchy (v1 trees and the v2 tree). */
    static java.util.List<Path> parents() {
        try (var trees = Files.list(ROOT)) {
            java.util.List<Path> parents = new java.util.ArrayList<>(trees.map(tree -> tree.resolve(PARENT))
                    .filter(Files::isDirectory).toList());
            if (Files.isDirectory(ROOT.resolve(PARENT))) {
                parents.add(ROOT.resolve(PARENT));
            }
            return parents;
        } catch (java.io.IOException e) {
            return java.util.List.of();
        }
    }
}
