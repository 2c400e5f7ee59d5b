package dev.gureum.core.keypair;

/** The answer to CreateKeyPair: the stored key pair and the private key, which exists only here. */
public record CreatedKeyPair(KeyPair keyPair, String privateKeyMaterial) {
}
