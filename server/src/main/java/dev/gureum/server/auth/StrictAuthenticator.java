package dev.gureum.server.auth;

import dev.gureum.protocol.CommonError;
import dev.gureum.protocol.ProtocolException;
import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.sigv4.Credential;
import dev.gureum.protocol.sigv4.CredentialScope;
import dev.gureum.protocol.sigv4.CredentialSource;
import dev.gureum.protocol.sigv4.SigV4Verifier;
import java.time.Clock;
import java.util.Optional;

/** Verifies every request's SigV4 signature against known access keys; the account is the key's. */
public final class StrictAuthenticator implements Authenticator {
    private final SigV4Verifier verifier;

    public StrictAuthenticator(CredentialSource credentials, Clock wallClock) {
        this.verifier = new SigV4Verifier(credentials, wallClock);
    }

    @Override
    public Identity authenticate(WireRequest request, Optional<CredentialScope> scope) {
        if (scope.isEmpty()) {
            throw new ProtocolException(CommonError.AUTH_FAILURE,
                    "AWS was not able to validate the provided access credentials");
        }
        Credential credential = verifier.verify(request);
        return new Identity(credential.accessKeyId(), credential.account(), scope.get().region());
    }

    @Override
    public String mode() {
        return "strict";
    }
}
