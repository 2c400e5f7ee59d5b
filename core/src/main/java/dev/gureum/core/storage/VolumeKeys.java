package dev.gureum.core.storage;

import dev.gureum.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The KMS keys EBS encrypts with when none is named. */
public final class VolumeKeys {
    private VolumeKeys() {
    }

    /** The account's default EBS key in the region, as its ARN (the alias is alias/aws/ebs). */
    public static String defaultKey(RequestContext context) {
        UUID key = UUID.nameUUIDFromBytes((context.account() + "/" + context.region() + "/alias/aws/ebs")
                .getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kms:" + context.region() + ":" + context.account() + ":key/" + key;
    }
}
