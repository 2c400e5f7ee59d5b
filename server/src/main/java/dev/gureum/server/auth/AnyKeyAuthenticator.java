package dev.gureum.server.auth;

import dev.gureum.protocol.http.WireRequest;
import dev.gureum.protocol.sigv4.CredentialScope;
import java.util.Optional;

/**
 * Accepts any access key without checking the signature. A key that is itself a 12-digit number names
 * the account (LocalStack's convention); any other key, or none, belongs to the default account.
 * Unsigned requests are taken as signed for the default region.
 */
public final class AnyKeyAuthenticator implements Authenticator {
    private final String defaultAccount;
    private final String defaultRegion;

    public AnyKeyAuthenticator(String defaultAccount, String defaultRegion) {
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
    }

    @Override
    public Identity authenticate(WireRequest request, Optional<CredentialScope> scope) {
        if (scope.isEmpty()) {
            return new Identity("", defaultAccount, defaultRegion);
        }
        String key = scope.get().accessKeyId();
        String account = key.length() == 12 && key.chars().allMatch(Character::isDigit) ? key : defaultAccount;
        return new Identity(key, account, scope.get().region());
    }

    @Override
    public String mode() {
        return "any";
    }
}
