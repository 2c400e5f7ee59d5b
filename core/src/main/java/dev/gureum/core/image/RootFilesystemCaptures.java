package dev.gureum.core.image;

/**
 * What turns an instance's root filesystem into a new image's (the sandbox runtime copies the instance's
 * disk; the simulated runtime has none). CreateImage names the new image's root filesystem after the image
 * and hands the copying over once the image is recorded; it goes on in the background, stopping and
 * starting the running instance again first unless {@code noReboot}, as EC2 does.
 */
@FunctionalInterface
public interface RootFilesystemCaptures {

    void capture(String account, String region, String instanceId, String rootFilesystem, boolean noReboot);
}
