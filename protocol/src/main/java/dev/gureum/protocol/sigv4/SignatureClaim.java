package dev.gureum.protocol.sigv4;

/**
 * What a request says about its own signature, from either the {@code Authorization} header or the
 * presigned query: who signed, when, which headers, the hex signature, and for how many seconds after
 * {@code date} it stays valid (presigned URLs carry {@code X-Amz-Expires}; a header signature lives 15 min).
 */
record SignatureClaim(CredentialScope scope, AmzDate date, String signedHeaders, String signature,
                      long lifetimeSeconds, boolean presigned) {
    /** How far a signing time may lie from the server clock, either way (AWS: 15 minutes). */
    static final long ALLOWED_SKEW_SECONDS = 15 * 60;

    /** Whether {@code name} is one of the {@code ;}-separated signed header names. */
    boolean signs(String name) {
        int start = 0;
        while (start <= signedHeaders.length()) {
            int end = signedHeaders.indexOf(';', start);
            end = end < 0 ? signedHeaders.length() : end;
            if (end - start == name.length() && signedHeaders.startsWith(name, start)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
