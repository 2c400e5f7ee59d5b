package dev.gureum.core.keypair;

/** Key material that cannot be read as any supported public key format; the detail is for logs and tests. */
final class MalformedKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedKeyException(String detail) {
        super(detail, null, false, false);
    }
}
