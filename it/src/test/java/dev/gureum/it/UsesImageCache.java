package dev.gureum.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that launches images of the image cache (names as {@code gureum image build} takes them):
 * when a run includes it, {@link ImageCachePrebuild} starts building them in the background as the run starts,
 * and the class awaits that build through {@link ImageCacheBuilds#awaitBuilt}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface UsesImageCache {
    String[] value();
}
