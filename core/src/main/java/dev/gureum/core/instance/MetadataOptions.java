package dev.gureum.core.instance;

import dev.gureum.core.error.Ec2Error;

/**
 * The instance metadata service settings of an instance: {@code httpTokens} optional (IMDSv1 allowed)
 * or required (IMDSv2 only), the endpoint enabled or disabled, the PUT response hop limit (1 to 64), whether
 * tags are readable through it, and the IPv6 endpoint. RunInstances and ModifyInstanceMetadataOptions give
 * each setting or leave it as it was ({@link #with}); a value EC2 does not know is refused there. A launch's
 * settings start {@link #UNSET}; what it leaves unset takes its image's defaults ({@link #withDefaults}).
 */
public record MetadataOptions(String httpTokens, String httpEndpoint, int httpPutResponseHopLimit,
                              String instanceMetadataTags, String httpProtocolIpv6) {
    public static final MetadataOptions DEFAULTS = new MetadataOptions("optional", "enabled", 1, "disabled", "disabled");
    /**
     * An image registered with ImdsSupport v2.0: its instances require tokens, with a hop limit of 2 (AWS: "HttpTokens
     * automatically set to required ... HttpPutResponseHopLimit is set to 2").
     */
    static final MetadataOptions IMDS_V2_DEFAULTS = new MetadataOptions("required", "enabled", 2, "disabled",
            "disabled");
    /** No setting given: each takes the launch's default. */
    public static final MetadataOptions UNSET = new MetadataOptions(null, null, 0, null, null);
    public static final int MAX_HOP_LIMIT = 64;

    /** The defaults of an instance launched from an image of {@code imdsSupport} (null or "v2.0"). */
    static MetadataOptions defaultsFor(String imdsSupport) {
        return "v2.0".equals(imdsSupport) ? IMDS_V2_DEFAULTS : DEFAULTS;
    }

    /** These settings, each one not given taken from {@code defaults}. */
    MetadataOptions withDefaults(MetadataOptions defaults) {
        return new MetadataOptions(httpTokens == null ? defaults.httpTokens : httpTokens,
                httpEndpoint == null ? defaults.httpEndpoint : httpEndpoint,
                httpPutResponseHopLimit == 0 ? defaults.httpPutResponseHopLimit : httpPutResponseHopLimit,
                instanceMetadataTags == null ? defaults.instanceMetadataTags : instanceMetadataTags,
                httpProtocolIpv6 == null ? defaults.httpProtocolIpv6 : httpProtocolIpv6);
    }

    /** These options with every given (non-null) setting replaced, each checked as EC2 checks it. */
    public MetadataOptions with(String tokens, String endpoint, Integer hopLimit, String tags, String ipv6) {
        if (hopLimit != null && (hopLimit < 1 || hopLimit > MAX_HOP_LIMIT)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The HTTP PUT response hop limit must be an integer"
                    + " between 1 and " + MAX_HOP_LIMIT + ". You specified " + hopLimit + ".");
        }
        return new MetadataOptions(
                tokens == null ? httpTokens : oneOf("HttpTokens", tokens, "optional", "required"),
                endpoint == null ? httpEndpoint : oneOf("HttpEndpoint", endpoint, "enabled", "disabled"),
                hopLimit == null ? httpPutResponseHopLimit : hopLimit,
                tags == null ? instanceMetadataTags : oneOf("InstanceMetadataTags", tags, "enabled", "disabled"),
                ipv6 == null ? httpProtocolIpv6 : oneOf("HttpProtocolIpv6", ipv6, "enabled", "disabled"));
    }

    public boolean endpointEnabled() {
        return "enabled".equals(httpEndpoint);
    }

    public boolean tokensRequired() {
        return "required".equals(httpTokens);
    }

    public boolean tagsEnabled() {
        return "enabled".equals(instanceMetadataTags);
    }

    private static String oneOf(String parameter, String value, String first, String second) {
        if (!value.equals(first) && !value.equals(second)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + value + ") for parameter " + parameter
                    + " is invalid. Valid values: " + first + ", " + second + ".");
        }
        return value;
    }
}
