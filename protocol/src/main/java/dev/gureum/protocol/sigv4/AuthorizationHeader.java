package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;

/**
 * Reads {@code Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} and the signing
 * time beside it ({@code X-Amz-Date}, else {@code Date}). Parts are comma-separated with optional
 * whitespace, in any order; like AWS, every missing part is reported in one message.
 */
final class AuthorizationHeader {
    private AuthorizationHeader() {
    }

    static SignatureClaim read(WireRequest request, String authorization) {
        int space = authorization.indexOf(' ');
        String algorithm = space < 0 ? authorization : authorization.substring(0, space);
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int start = space < 0 ? authorization.length() : space + 1;
        while (start < authorization.length()) {
            int comma = authorization.indexOf(',', start);
            int end = comma < 0 ? authorization.length() : comma;
            String part = authorization.substring(start, end).strip();
            if (!part.isEmpty()) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    throw AuthenticationFailures.incomplete("'" + part + "' not a valid key=value pair (missing "
                            + "equal-sign) in Authorization header: '" + authorization + "'.");
                }
                String value = part.substring(equals + 1);
                switch (part.substring(0, equals)) {
                    case "Credential" -> credential = value;
                    case "SignedHeaders" -> signedHeaders = value;
                    case "Signature" -> signature = value;
                    default -> {
                        // AWS ignores parts it does not know.
                    }
                }
            }
            start = end + 1;
        }
        String amzDate = request.header("x-amz-date");
        String httpDate = amzDate == null ? request.header("date") : null;
        if (credential == null || signedHeaders == null || signature == null || (amzDate == null && httpDate == null)) {
            throw AuthenticationFailures.incomplete(
                    missingParts(credential, signedHeaders, signature, amzDate, httpDate, authorization));
        }
        if (!CredentialScope.ALGORITHM.equals(algorithm)) {
            throw AuthenticationFailures.incomplete("Unsupported Authorization algorithm '" + algorithm
                    + "'; only " + CredentialScope.ALGORITHM + " is accepted.");
        }
        String presentedCredential = credential;
        CredentialScope scope = CredentialScope.parse(credential)
                .orElseThrow(() -> AuthenticationFailures.malformedCredential(presentedCredential));
        String dateValue = amzDate != null ? amzDate : httpDate;
        AmzDate date = (amzDate != null ? AmzDate.parseBasic(amzDate) : AmzDate.parseHttpDate(httpDate))
                .orElseThrow(() -> AuthenticationFailures.incomplete(
                        "Date must be in ISO-8601 'basic format'. Got '" + dateValue + "'."));
        return new SignatureClaim(scope, date, signedHeaders, signature, SignatureClaim.ALLOWED_SKEW_SECONDS, false);
    }

    private static String missingParts(String credential, String signedHeaders, String signature, String amzDate,
                                       String httpDate, String authorization) {
        StringBuilder message = new StringBuilder();
        if (credential == null) {
            message.append("Authorization header requires 'Credential' parameter. ");
        }
        if (signature == null) {
            message.append("Authorization header requires 'Signature' parameter. ");
        }
        if (signedHeaders == null) {
            message.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (amzDate == null && httpDate == null) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return message.append("Authorization=").append(authorization).toString();
    }
}
