package dev.gureum.runtime.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The root filesystems the sandbox can boot, by the name an AMI's {@code rootFilesystem} carries, kept under
 * {@code <data>/sandbox/images/<name>/rootfs} with the image's default user in {@code <name>/default-user}.
 * {@code gureum-tiny} and {@code debian-12} are built the first time an instance needs them (debian-12 in
 * the image cache, {@code GUREUM_IMAGE_CACHE}, when one is set, so several data directories share one
 * build, and {@code gureum image build} can build it ahead of any launch); others are made from an instance's
 * disk (CreateImage) or an imported tree. Every image is made in a temporary directory moved into place when
 * complete, so a crash never leaves half an image in use, and a launch of an image still being made waits
 * for it.
 */
final class ImageLibrary {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ImageLibrary.class.getName());
    /** What an image name may be (it is a directory name): catalog names, AMI ids. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final String DEFAULT_USER = "default-user";

    /** Fills an empty directory with a root filesystem. */
    @FunctionalInterface
    interface Filler {
        void fill(Path rootfs) throws IOException;
    }

    private final Path directory;
    private final HostTools tools;
    private final Map<String, CompletableFuture<Void>> making = new ConcurrentHashMap<>();
    /** Where images the sandbox builds slowly (debian-12) are kept across data directories; null: in the library. */
    private final Path cache;

    ImageLibrary(Path directory, HostTools tools) {
        this(directory, tools, null);
    }

    ImageLibrary(Path directory, HostTools tools, Path cache) {
        this.directory = directory;
        this.tools = tools;
        this.cache = cache;
    }

    /**
     * The image named: built now if it is one the sandbox builds ({@code gureum-tiny}, {@code debian-12}) and
     * is not there yet, awaited if it is being made (two launches wait for one build); fails for a name the
     * sandbox has no root filesystem for. {@code progress} hears about a build this call makes.
     */
    RootImage image(String name, java.util.function.Consumer<String> progress) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw missing(name);
        }
        if (TinyImage.NAME.equals(name)) {
            buildOnce(name, directory, TinyImage.DEFAULT_USER, new TinyImage(tools)::assemble);
            return new RootImage(name, root(name), TinyImage.DEFAULT_USER);
        }
        if (DebianImage.NAME.equals(name)) {
            Path home = cache == null ? directory : cache;
            // an older recipe's build goes when this one is built, not looked for at every launch
            buildOnce(DebianImage.BUILD_NAME, home, DebianImage.DEFAULT_USER, rootfs -> {
                DebianImage.assemble(rootfs, progress);
                retire(home, DebianImage.OLDER_BUILDS);
            });
            return new RootImage(name, home.resolve(DebianImage.BUILD_NAME).resolve("rootfs"), DebianImage.DEFAULT_USER);
        }
        awaitMaking(name);
        Path root = root(name);
        if (!Files.isDirectory(root)) {
            throw missing(name);
        }
        try {
            return new RootImage(name, root, Files.readString(directory.resolve(name).resolve(DEFAULT_USER)).strip());
        } catch (IOException e) {
            throw new SandboxException("the image '" + name + "' has no default user: " + e.getMessage(), e);
        }
    }

    RootImage image(String name) {
        return image(name, line -> LOG.info(line));
    }

    /**
     * Builds an image the sandbox knows how to build, once: a second caller waits for the first one's build, in
     * this process through {@link #making} and in another process (a shared image cache) through the
     * {@link ImageBuildLock}.
     */
    private void buildOnce(String name, Path home, String defaultUser, Filler filler) {
        if (Files.isDirectory(home.resolve(name).resolve("rootfs"))) {
            return;
        }
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = making.putIfAbsent(name, mine);
        if (running != null) {
            awaitMaking(name);
            return;
        }
        try (ImageBuildLock held = ImageBuildLock.hold(home, name)) {
            if (!Files.isDirectory(home.resolve(name).resolve("rootfs"))) {
                build(home, name, defaultUser, filler);
            }
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(name, mine);
        }
    }

    private void awaitMaking(String name) {
        CompletableFuture<Void> pending = making.get(name);
        if (pending == null) {
            return;
        }
        try {
            pending.join();
        } catch (CompletionException e) {
            throw new SandboxException("the root filesystem '" + name + "' could not be made: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Announces an image that is about to be made: launches of it wait until {@link #make} ends. */
    void expect(String name) {
        requireName(name);
        making.putIfAbsent(name, new CompletableFuture<>());
    }

    /** Makes the image (replacing none: an image's name is never reused) and ends the wait for it. */
    void make(String name, String defaultUser, Filler filler) {
        requireName(name);
        CompletableFuture<Void> done = making.computeIfAbsent(name, unused -> new CompletableFuture<>());
        try {
            if (Files.isDirectory(root(name))) {
                throw new SandboxException("the image '" + name + "' exists already");
            }
            build(directory, name, defaultUser, filler);
            done.complete(null);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(name, done);
        }
    }

    /** Ends the wait for an announced image that will not be made. */
    void abandon(String name, RuntimeException why) {
        CompletableFuture<Void> pending = making.remove(name);
        if (pending != null) {
            pending.completeExceptionally(why);
        }
    }

    private Path root(String name) {
        return directory.resolve(name).resolve("rootfs");
    }

    private static void build(Path directory, String name, String defaultUser, Filler filler) {
        Path building = directory.resolve(name + ".building");
        try {
            deleteTree(building);
            Files.createDirectories(building.resolve("rootfs"));
            filler.fill(building.resolve("rootfs"));
            Files.writeString(building.resolve(DEFAULT_USER), defaultUser + "\n", StandardCharsets.UTF_8);
            Files.createDirectories(directory);
            Files.move(building, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SandboxException("cannot build the " + name + " image: " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(building);
            } catch (IOException e) {
                // a leftover building directory is deleted before the next attempt
            }
        }
    }

    /** Deletes the builds an earlier recipe left (nothing boots from them any more); best effort. */
    private static void retire(Path home, java.util.List<String> olderBuilds) {
        for (String older : olderBuilds) {
            try {
                deleteTree(home.resolve(older));
                Files.deleteIfExists(home.resolve(older + ".lock"));
            } catch (IOException e) {
                LOG.warning("cannot delete the older image build " + home.resolve(older) + ": " + e.getMessage());
            }
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SandboxException("not an image name: " + name);
        }
    }

    private static SandboxException missing(String name) {
        return new SandboxException("the sandbox runtime has no root filesystem for '" + name
                + "' yet; launch the gureum-tiny image (describe-images --filters Name=name,Values='gureum-tiny-*')");
    }

    static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
