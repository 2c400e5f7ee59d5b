package dev.gureum.core.instance;

/**
 * The instance metadata service settings of an instance: {@code httpTokens} optional (IMDSv1 allowed)
 * or required (IMDSv2 only), the endpoint enabled or disabled, the PUT response hop limit, and whether
 * tags are readable through it.
 */
public record MetadataOptions(String httpTokens, String httpEndpoint, int httpPutResponseHopLimit,
                              String instanceMetadataTags, String httpProtocolIpv6) {
    public static final MetadataOptions DEFAULTS = new MetadataOptions("optional", "enabled", 1, "disabled", "disabled");
}
