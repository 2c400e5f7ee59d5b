package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;

/**
 * Reads presigned-URL authentication from the query string: {@code X-Amz-Algorithm}, {@code X-Amz-Credential}
 * (percent-encoded, slashes included), {@code X-Amz-Date}, {@code X-Amz-SignedHeaders},
 * {@code X-Amz-Signature} and the optional {@code X-Amz-Expires} (seconds, at most 7 days).
 */
final class PresignedQuery {
    static final String SIGNATURE_PARAMETER = "X-Amz-Signature";
    private static final String ALGORITHM_PARAMETER = "X-Amz-Algorithm";
    private static final long LONGEST_LIFETIME_SECONDS = 7 * 24 * 60 * 60;

    private PresignedQuery() {
    }

    /** Whether the query carries any presigned-URL authentication parameter. */
    static boolean isPresent(String rawQuery) {
        return QueryString.value(rawQuery, ALGORITHM_PARAMETER) != null
                || QueryString.value(rawQuery, CredentialScope.CREDENTIAL_PARAMETER) != null
                || QueryString.value(rawQuery, SIGNATURE_PARAMETER) != null;
    }

    static SignatureClaim read(WireRequest request) {
        String rawQuery = request.rawQuery();
        String algorithm = QueryString.value(rawQuery, ALGORITHM_PARAMETER);
        String credential = QueryString.value(rawQuery, CredentialScope.CREDENTIAL_PARAMETER);
        String amzDate = QueryString.value(rawQuery, "X-Amz-Date");
        String signedHeaders = QueryString.value(rawQuery, "X-Amz-SignedHeaders");
        String signature = QueryString.value(rawQuery, SIGNATURE_PARAMETER);
        String expires = QueryString.value(rawQuery, "X-Amz-Expires");
        if (algorithm == null || credential == null || amzDate == null || signedHeaders == null || signature == null) {
            throw AuthenticationFailures.incomplete("Presigned requests must include the query parameters "
                    + "X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders and X-Amz-Signature.");
        }
        if (!CredentialScope.ALGORITHM.equals(algorithm)) {
            throw AuthenticationFailures.incomplete("Unsupported X-Amz-Algorithm '" + algorithm + "'; only "
                    + CredentialScope.ALGORITHM + " is accepted.");
        }
        CredentialScope scope = CredentialScope.parse(credential)
                .orElseThrow(() -> AuthenticationFailures.malformedCredential(credential));
        AmzDate date = AmzDate.parseBasic(amzDate).orElseThrow(() -> AuthenticationFailures.incomplete(
                "X-Amz-Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'."));
        return new SignatureClaim(scope, date, signedHeaders, signature, lifetimeSeconds(expires), true);
    }

    private static long lifetimeSeconds(String expires) {
        if (expires == null) {
            return SignatureClaim.ALLOWED_SKEW_SECONDS;
        }
        boolean digitsOnly = !expires.isEmpty() && expires.length() <= 7
                && expires.chars().allMatch(character -> character >= '0' && character <= '9');
        long seconds = digitsOnly ? Long.parseLong(expires) : -1;
        if (seconds < 1 || seconds > LONGEST_LIFETIME_SECONDS) {
            throw AuthenticationFailures.incomplete("X-Amz-Expires must be a whole number of seconds from 1 to "
                    + LONGEST_LIFETIME_SECONDS + ", got '" + expires + "'.");
        }
        return seconds;
    }
}
