package dev.gureum.it;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Builds the cached images a run will need while the run's other tests go on: the debian-12 image takes about
 * 3.5 minutes on a fresh host, mostly download and dpkg, which would otherwise be waited for in the middle of
 * the suite. Registered through {@code META-INF/services}, so it sees every test plan failsafe runs; a run
 * without a {@link UsesImageCache} class, or on a host where the sandbox cannot run, starts nothing. Builds
 * still running when the plan ends are ended ({@link ImageCacheBuilds#stopAll}).
 */
public final class ImageCachePrebuild implements TestExecutionListener {
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        Set<String> images = new LinkedHashSet<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                test.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                        .map(source -> source.getJavaClass().getAnnotation(UsesImageCache.class))
                        .ifPresent(uses -> images.addAll(Set.of(uses.value())));
            }
        }
        if (!images.isEmpty() && GureumProcess.doctor().ready()) {
            images.forEach(image -> ImageCacheBuilds.startInBackground(image, ImageCacheBuilds.cache()));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        ImageCacheBuilds.stopAll();
    }
}
