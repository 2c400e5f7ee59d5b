package dev.gureum.protocol.sigv4;

import dev.gureum.protocol.http.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import javax.crypto.Mac;

/**
 * Verifies AWS Signature Version 4 on a request as received, signed either in the {@code Authorization}
 * header or as a presigned URL, and answers the {@link Credential} that signed it. The body is always
 * hashed here: the CLIs send no {@code x-amz-content-sha256}, the Java SDK sends it even for EC2, and when
 * present it must match. {@code UNSIGNED-PAYLOAD} is accepted for presigned URLs only, whose signers use
 * either it (S3 style) or the body hash.
 */
public final class SigV4Verifier {
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private final CredentialSource credentials;
    private final Clock clock;
    private final SigningKeyCache signingKeys = new SigningKeyCache();

    /** {@code clock} is the real wall time that signing dates are checked against. */
    public SigV4Verifier(CredentialSource credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /**
     * The credential that signed {@code request}.
     *
     * @throws dev.gureum.protocol.ProtocolException {@code AuthFailure} without SigV4 or for an unknown key,
     *     {@code IncompleteSignature} for malformed authentication, {@code RequestExpired} for a signing time
     *     outside the allowed window, {@code SignatureDoesNotMatch} for any other mismatch
     */
    public Credential verify(WireRequest request) {
        SignatureClaim claim = claimOf(request);
        if (!claim.signs("host")) {
            throw AuthenticationFailures.hostNotSigned();
        }
        if (!claim.scope().date().equals(claim.date().day())) {
            throw AuthenticationFailures.scopeDateMismatch(claim.scope().date(), claim.date());
        }
        long now = clock.instant().getEpochSecond();
        long signedAt = claim.date().epochSecond();
        if (signedAt - now > SignatureClaim.ALLOWED_SKEW_SECONDS || now - signedAt > claim.lifetimeSeconds()) {
            throw AuthenticationFailures.requestExpired();
        }
        Credential credential = credentials.find(claim.scope().accessKeyId())
                .orElseThrow(AuthenticationFailures::unknownAccessKey);

        MessageDigest sha256 = Hashing.sha256();
        List<String> payloadHashes = payloadHashes(request, claim, Hashing.hex(sha256.digest(request.body())));
        String canonicalWithoutPayload = CanonicalRequest.withoutPayloadHash(request, claim);
        String secret = credential.secretAccessKey();
        Mac mac = Hashing.hmacSha256();
        byte[] signingKey = signingKeys.find(secret, claim.scope());
        boolean derivedNow = signingKey == null;
        if (derivedNow) {
            signingKey = Hashing.signingKey(mac, secret, claim.scope());
        }
        byte[] presented = claim.signature().getBytes(StandardCharsets.US_ASCII);
        for (String payloadHash : payloadHashes) {
            String canonicalHash = Hashing.hex(
                    sha256.digest((canonicalWithoutPayload + payloadHash).getBytes(StandardCharsets.UTF_8)));
            String stringToSign = CredentialScope.ALGORITHM + '\n' + claim.date().basic() + '\n'
                    + claim.scope().path() + '\n' + canonicalHash;
            byte[] expected = Hashing.hex(Hashing.hmac(mac, signingKey, stringToSign))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, presented)) {
                if (derivedNow) {
                    signingKeys.keep(secret, claim.scope(), signingKey);
                }
                return credential;
            }
        }
        throw AuthenticationFailures.signatureDoesNotMatch();
    }

    private static SignatureClaim claimOf(WireRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            return AuthorizationHeader.read(request, authorization);
        }
        if (PresignedQuery.isPresent(request.rawQuery())) {
            return PresignedQuery.read(request);
        }
        throw AuthenticationFailures.missingAuthentication();
    }

    /** The payload hashes the signer may have used, checking a declared {@code x-amz-content-sha256}. */
    private static List<String> payloadHashes(WireRequest request, SignatureClaim claim, String bodyHash) {
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            return claim.presigned() ? List.of(bodyHash, UNSIGNED_PAYLOAD) : List.of(bodyHash);
        }
        boolean accepted = UNSIGNED_PAYLOAD.equals(declared) ? claim.presigned() : declared.equals(bodyHash);
        if (!accepted) {
            throw AuthenticationFailures.signatureDoesNotMatch();
        }
        return List.of(declared);
    }
}
