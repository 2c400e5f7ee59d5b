package dev.gureum.runtime.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The image cache ({@code GUREUM_IMAGE_CACHE}) seen from outside a server: {@code gureum image build} fills it
 * ahead of any launch through the same {@link ImageLibrary} path a launch takes, under the same lock, so a
 * server that launches the image meanwhile waits for this build and then uses it.
 */
public final class ImageCache {
    /** The environment variable naming the cache directory. */
    public static final String VARIABLE = SandboxRuntime.IMAGE_CACHE;

    private ImageCache() {
    }

    /** The images a cache holds: those too slow to build for every data directory. */
    public static List<String> names() {
        return List.of(DebianImage.NAME);
    }

    /**
     * The root filesystem of {@code name} in {@code cache}, built now unless it is there (or awaited while another
     * process builds it); {@code progress} hears the build's lines.
     */
    public static Path build(String name, Path cache, Consumer<String> progress) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("the image cache holds " + String.join(", ", names()) + ", not " + name);
        }
        return new ImageLibrary(cache, null, cache).image(name, progress).root();
    }
}
