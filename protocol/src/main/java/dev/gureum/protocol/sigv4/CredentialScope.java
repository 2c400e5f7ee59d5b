package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;
import java.util.Optional;

/**
 * The {@code AKID/yyyyMMdd/region/service/aws4_request} credential a SigV4 request claims, read either from
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=…} or from the presigned query parameter
 * {@code X-Amz-Credential}. Several services share one port and are told apart by {@link #service()}.
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {
    static final String TERMINATOR = "aws4_request";
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String CREDENTIAL_PARAMETER = "X-Amz-Credential";
    private static final String CREDENTIAL_PART = "Credential=";

    /**
     * The scope the request claims, without verifying anything: cheap enough to route on. Empty when the
     * request carries no readable SigV4 credential; {@link SigV4Verifier#verify} then says why.
     */
    public static Optional<CredentialScope> peek(WireRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            return authorization.startsWith(ALGORITHM)
                    ? credentialInHeader(authorization).flatMap(CredentialScope::parse)
                    : Optional.empty();
        }
        String credential = QueryString.value(request.rawQuery(), CREDENTIAL_PARAMETER);
        return credential == null ? Optional.empty() : parse(credential);
    }

    /** Splits {@code AKID/yyyyMMdd/region/service/aws4_request}; empty unless it has exactly that shape. */
    static Optional<CredentialScope> parse(String credential) {
        int dateStart = credential.indexOf('/') + 1;
        int regionStart = credential.indexOf('/', dateStart) + 1;
        int serviceStart = regionStart == 0 ? 0 : credential.indexOf('/', regionStart) + 1;
        int terminatorStart = serviceStart == 0 ? 0 : credential.indexOf('/', serviceStart) + 1;
        boolean wellFormed = dateStart > 1 && regionStart - dateStart == 9 && serviceStart - regionStart > 1
                && terminatorStart - serviceStart > 1
                && credential.length() - terminatorStart == TERMINATOR.length()
                && credential.startsWith(TERMINATOR, terminatorStart)
                && isDigits(credential, dateStart, regionStart - 1);
        if (!wellFormed) {
            return Optional.empty();
        }
        return Optional.of(new CredentialScope(
                credential.substring(0, dateStart - 1),
                credential.substring(dateStart, regionStart - 1),
                credential.substring(regionStart, serviceStart - 1),
                credential.substring(serviceStart, terminatorStart - 1)));
    }

    /** The scope line of the string to sign: {@code yyyyMMdd/region/service/aws4_request}. */
    String path() {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    private static Optional<String> credentialInHeader(String authorization) {
        int start = authorization.indexOf(CREDENTIAL_PART);
        if (start < 0) {
            return Optional.empty();
        }
        start += CREDENTIAL_PART.length();
        int end = start;
        while (end < authorization.length() && authorization.charAt(end) != ',' && authorization.charAt(end) != ' ') {
            end++;
        }
        return Optional.of(authorization.substring(start, end));
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int index = from; index < to; index++) {
            if (text.charAt(index) < '0' || text.charAt(index) > '9') {
                return false;
            }
        }
        return true;
    }
}
