package dev.gureum.core.sns.delivery;

/**
 * The private key SNS signs its messages with; its certificate is served at {@link SnsUrls#signingCertUrl()}.
 * SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA.
 */
public interface SigningKey {

    /** The base64 signature of {@code text}'s UTF-8 bytes with {@code SHA1withRSA} or {@code SHA256withRSA}. */
    String sign(String text, String jcaAlgorithm);
}
