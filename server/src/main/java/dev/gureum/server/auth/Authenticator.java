package dev.gureum.server.auth;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.sigv4.CredentialScope;
import java.util.Optional;

/**
 * Decides who sent a request. {@code strict} verifies SigV4 against the credentials file; {@code any}
 * accepts every key and derives the account from it, as moto and LocalStack do, so suites written for
 * them run unchanged.
 */
public interface Authenticator {

    /**
     * @param scope the request's SigV4 scope, empty when it carries no signature
     * @throws dev.gureum.protocol.ProtocolException when the caller cannot be authenticated
     */
    Identity authenticate(WireRequest request, Optional<CredentialScope> scope);

    String mode();
}
