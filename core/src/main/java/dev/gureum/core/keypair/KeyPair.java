package dev.gureum.core.keypair;

import dev.gureum.core.tag.Tag;
import java.time.Instant;
import java.util.List;

/**
 * An EC2 key pair as stored: only the public half is kept. {@code publicKey} is the authorized_keys
 * line with the key name as its comment ({@code ssh-rsa AAAA… name}), which is what DescribeKeyPairs
 * returns and what an instance launched with this key pair gets in {@code ~/.ssh/authorized_keys}.
 */
public record KeyPair(String id, String name, KeyType type, String fingerprint, String publicKey, Instant createTime,
                      List<Tag> tags) {

    public KeyPair {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public KeyPair withTags(List<Tag> replaced) {
        return new KeyPair(id, name, type, fingerprint, publicKey, createTime, replaced);
    }
}
