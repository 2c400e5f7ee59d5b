package dev.gureum.core.instance;

/**
 * A Windows instance's Administrator password as GetPasswordData hands it out: encrypted with its key pair's
 * public key, base64 ({@link dev.gureum.core.keypair.WindowsPasswords}). Written with the instance at launch.
 */
public record InstancePassword(String data) {
}
