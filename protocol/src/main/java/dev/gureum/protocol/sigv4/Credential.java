package dev.gureum.protocol.sigv4;

/** An access key pair and the account it acts for. */
public record Credential(String accessKeyId, String secretAccessKey, String account) {

    @Override
    public String toString() {
        return "Credential[accessKeyId=" + accessKeyId + ", account=" + account + "]";
    }
}
