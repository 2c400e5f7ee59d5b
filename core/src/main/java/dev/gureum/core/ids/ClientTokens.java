package dev.gureum.core.ids;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import java.util.Optional;

/**
 * The ClientToken of EC2's create operations that take one (the SDKs fill it in and retry with it): the first call
 * with a token records the resource it made and its parameters, in the batch that makes the resource; a retry with
 * the same token and parameters answers that resource, and one with other parameters is
 * IdempotentParameterMismatch. Kept per account, region and operation, as long as the account's records.
 */
public final class ClientTokens {
    /** What a token made: the resource's id and the request's parameters as text. */
    public record Use(String resourceId, String parameters) {
    }

    /** The persisted kind; its name never changes. */
    public static final RecordKind<Use> KIND = RecordKind.of("client-token", Use.class);

    private ClientTokens() {
    }

    /**
     * The id of the resource an earlier call of {@code operation} with {@code token} made, if any (none for a call
     * without a token); IdempotentParameterMismatch when that call had other {@code parameters}.
     */
    public static Optional<String> earlier(Store store, RequestContext context, String operation, String token,
                                           String parameters) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Use> use = store.get(KIND, key(context, operation, token)).map(Versioned::value);
        if (use.isPresent() && !use.get().parameters().equals(parameters)) {
            throw Ec2Error.IDEMPOTENT_PARAMETER_MISMATCH.exception("The client token '" + token
                    + "' was already used with different parameters.");
        }
        return use.map(Use::resourceId);
    }

    /** Records, in the batch that makes it, what a call with {@code token} made (nothing without a token). */
    public static void record(WriteBatch batch, RequestContext context, String operation, String token,
                              String resourceId, String parameters) {
        if (token != null && !token.isEmpty()) {
            batch.put(KIND, key(context, operation, token), WriteBatch.ANY, new Use(resourceId, parameters));
        }
    }

    private static RecordKey key(RequestContext context, String operation, String token) {
        return new RecordKey(context.account(), context.region(), operation + "/" + token);
    }
}
