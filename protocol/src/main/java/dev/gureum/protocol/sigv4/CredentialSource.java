package dev.gureum.protocol.sigv4;

import java.util.Optional;

/** Looks up the secret behind an access key id; empty when the key is unknown or disabled. */
@FunctionalInterface
public interface CredentialSource {

    Optional<Credential> find(String accessKeyId);
}
