package dev.gureum.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the {@link UsesImageCache} classes after every other class, each group in the order failsafe found
 * them: their image is built in the background from the start of the run, so the rest of the suite runs
 * while it builds instead of the suite waiting for it (junit-platform.properties names this orderer).
 */
public final class ImageCacheUsersLast implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                descriptor -> descriptor.isAnnotated(UsesImageCache.class)));
    }
}
