package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * What the runtime makes on the host besides instances: VPC namespaces, the simulated internet, blackhole routes,
 * cgroup parents and crun's state, all released by a reset or at shutdown; and the host lock, let go at shutdown
 * only.
 */
final class HostFootprint {
    private static final Logger LOG = Logger.getLogger(HostFootprint.class.getName());

    private final VpcNamespaces vpcs;
    private final InternetNamespace internet;
    private final HostRoutes routes;
    private final Path crunRoot;
    private final HostLock lock;

    HostFootprint(VpcNamespaces vpcs, InternetNamespace internet, HostRoutes routes, Path crunRoot, HostLock lock) {
        this.vpcs = vpcs;
        this.internet = internet;
        this.routes = routes;
        this.crunRoot = crunRoot;
        this.lock = lock;
    }

    /** Removes what the runtime made on the host (its instances are gone already). */
    void release() {
        vpcs.removeAll();
        internet.remove();
        routes.removeBlackholes();
        for (Path parent : CgroupPaths.parents()) {
            try {
                Files.deleteIfExists(parent);
            } catch (IOException stillInUse) {
                // a process of an instance has not quite gone; the next release takes it
            }
        }
        try {
            ImageLibrary.deleteTree(crunRoot.getParent());
            Files.deleteIfExists(crunRoot.getParent().getParent());
        } catch (DirectoryNotEmptyException lockedMeanwhile) {
            // the host lock is still there until shutdown lets it go
        } catch (IOException e) {
            LOG.warning("cannot remove " + crunRoot + ": " + e.getMessage());
        }
    }

    /** Shutdown: releases the host, then lets the host lock go. */
    void releaseAndUnlock() {
        release();
        lock.close();
    }
}
