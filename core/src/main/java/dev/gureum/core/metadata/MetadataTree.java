package dev.gureum.core.metadata;

import dev.gureum.core.network.NetworkNames;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The paths EC2's metadata service answers for one instance, as a tree: a directory answers with its entries,
 * one a line, subdirectories with a trailing slash (the version level lists {@code dynamic}, {@code meta-data}
 * and {@code user-data} without one, as EC2 does); a leaf answers with its value. A category with nothing to
 * say (no public address, no key, no user data, tags not allowed, no spot action pending) is absent, so it
 * answers 404 as in EC2. Every dated version answers with the same tree as {@code latest}.
 */
public final class MetadataTree {
    /** The versions EC2 lists at {@code /}; the oldest first, {@code latest} last. */
    public static final List<String> VERSIONS = List.of("1.0", "2007-01-19", "2007-03-01", "2007-08-29",
            "2007-10-10", "2007-12-15", "2008-02-01", "2008-09-01", "2009-04-04", "2011-01-01", "2011-05-01",
            "2012-01-12", "2014-02-25", "2014-11-05", "2015-10-20", "2016-04-19", "2016-06-30", "2016-09-02",
            "2018-03-28", "2018-08-17", "2018-09-24", "2019-10-01", "2020-10-27", "2021-01-03", "2021-03-23",
            "2021-07-15", "2022-09-24", "latest");

    private static final DateTimeFormatter PENDING_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Map<String, Object> root = new LinkedHashMap<>();

    private MetadataTree() {
    }

    public static MetadataTree of(MetadataFacts facts) {
        MetadataTree tree = new MetadataTree();
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("dynamic", dynamic(facts));
        version.put("meta-data", metaData(facts));
        if (facts.userData() != null) {
            version.put("user-data", facts.userData());
        }
        for (String name : VERSIONS) {
            tree.root.put(name, version);
        }
        return tree;
    }

    /** The answer at {@code path} (starting with {@code /}): a listing or a value; empty means 404. */
    public Optional<byte[]> read(String path) {
        boolean directoryAsked = path.endsWith("/");
        Object node = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(node instanceof Map<?, ?> directory) || !directory.containsKey(part)) {
                return Optional.empty();
            }
            node = directory.get(part);
        }
        if (node instanceof KeyListing keys) {
            return Optional.of(("0=" + keys.name).getBytes(StandardCharsets.UTF_8));
        }
        if (node instanceof Map<?, ?> directory) {
            boolean bareNames = node == root || directory.containsKey("meta-data");
            StringBuilder listing = new StringBuilder();
            directory.forEach((name, child) -> {
                if (!listing.isEmpty()) {
                    listing.append('\n');
                }
                listing.append(name).append(child instanceof Map<?, ?> && !bareNames ? "/" : "");
            });
            return Optional.of(listing.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (directoryAsked) {
            return Optional.empty();
        }
        return Optional.of(node instanceof byte[] bytes ? bytes : node.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> metaData(MetadataFacts facts) {
        MetadataFacts.Interface primary = facts.primary();
        String privateIp = primary == null ? null : primary.privateIps().get(0);
        String publicIp = primary == null ? null : primary.publicIp();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("ami-id", facts.imageId());
        meta.put("ami-launch-index", String.valueOf(facts.amiLaunchIndex()));
        meta.put("ami-manifest-path", "(unknown)");
        Map<String, Object> devices = new LinkedHashMap<>();
        devices.put("ami", facts.rootDeviceName());
        for (int index = 0; index < facts.ebsDevices().size(); index++) {
            devices.put("ebs" + (index + 1), facts.ebsDevices().get(index).replaceFirst("^/dev/", ""));
        }
        devices.put("root", facts.rootDeviceName());
        meta.put("block-device-mapping", devices);
        if (privateIp != null) {
            meta.put("hostname", NetworkNames.privateDnsName(privateIp, facts.region()));
        }
        meta.put("instance-action", "none");
        meta.put("instance-id", facts.instanceId());
        meta.put("instance-life-cycle", facts.lifeCycle());
        meta.put("instance-type", facts.instanceType());
        if (privateIp != null) {
            meta.put("local-hostname", NetworkNames.privateDnsName(privateIp, facts.region()));
            meta.put("local-ipv4", privateIp);
        }
        if (primary != null) {
            meta.put("mac", primary.mac());
            Map<String, Object> macs = new LinkedHashMap<>();
            for (MetadataFacts.Interface eni : facts.interfaces()) {
                macs.put(eni.mac(), macDirectory(eni, facts.region()));
            }
            meta.put("network", Map.of("interfaces", Map.of("macs", macs)));
        }
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("availability-zone", facts.availabilityZone());
        if (facts.availabilityZoneId() != null) {
            placement.put("availability-zone-id", facts.availabilityZoneId());
        }
        placement.put("region", facts.region());
        meta.put("placement", placement);
        if (publicIp != null) {
            meta.put("public-hostname", NetworkNames.publicDnsName(publicIp, facts.region()));
            meta.put("public-ipv4", publicIp);
        }
        if (facts.publicKey() != null) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("openssh-key", facts.publicKey());
            // EC2 lists the key as "0=<key name>" but serves it at public-keys/0/.
            meta.put("public-keys", new KeyListing(facts.keyName(), key));
        }
        meta.put("reservation-id", facts.reservationId());
        if (primary != null) {
            meta.put("security-groups", String.join("\n", primary.groupNames()));
        }
        meta.put("services", new LinkedHashMap<>(Map.of("domain", "amazonaws.com", "partition", "aws")));
        if (facts.spotAction() != null) {
            Map<String, Object> spot = new LinkedHashMap<>();
            spot.put("instance-action", facts.spotAction().instanceAction());
            if (facts.spotAction().terminationTime() != null) {
                spot.put("termination-time", facts.spotAction().terminationTime());
            }
            meta.put("spot", spot);
        }
        if (facts.tags() != null) {
            meta.put("tags", Map.of("instance", new LinkedHashMap<String, Object>(facts.tags())));
        }
        return meta;
    }

    private static Map<String, Object> macDirectory(MetadataFacts.Interface eni, String region) {
        Map<String, Object> mac = new LinkedHashMap<>();
        mac.put("device-number", String.valueOf(eni.deviceNumber()));
        mac.put("interface-id", eni.interfaceId());
        if (eni.publicIp() != null) {
            mac.put("ipv4-associations", Map.of(eni.publicIp(), eni.privateIps().get(0)));
        }
        mac.put("local-hostname", NetworkNames.privateDnsName(eni.privateIps().get(0), region));
        mac.put("local-ipv4s", String.join("\n", eni.privateIps()));
        mac.put("mac", eni.mac());
        mac.put("owner-id", eni.ownerId());
        if (eni.publicIp() != null) {
            mac.put("public-hostname", NetworkNames.publicDnsName(eni.publicIp(), region));
            mac.put("public-ipv4s", eni.publicIp());
        }
        mac.put("security-group-ids", String.join("\n", eni.groupIds()));
        mac.put("security-groups", String.join("\n", eni.groupNames()));
        mac.put("subnet-id", eni.subnetId());
        mac.put("subnet-ipv4-cidr-block", eni.subnetCidrBlock());
        mac.put("vpc-id", eni.vpcId());
        mac.put("vpc-ipv4-cidr-block", eni.vpcCidrBlock());
        mac.put("vpc-ipv4-cidr-blocks", eni.vpcCidrBlock());
        return mac;
    }

    private static Map<String, Object> dynamic(MetadataFacts facts) {
        // EC2 also serves the document's signature and pkcs7 there; Gureum has no signing key AWS's
        // certificates would vouch for, so those paths answer 404 rather than a signature nobody can check.
        return Map.of("instance-identity", Map.of("document", identityDocument(facts)));
    }

    /** EC2's instance identity document: its fields in EC2's order and layout ({@code "name" : value}). */
    static String identityDocument(MetadataFacts facts) {
        MetadataFacts.Interface primary = facts.primary();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("accountId", quoted(facts.accountId()));
        fields.put("architecture", quoted(facts.architecture()));
        fields.put("availabilityZone", quoted(facts.availabilityZone()));
        fields.put("billingProducts", "null");
        fields.put("devpayProductCodes", "null");
        fields.put("marketplaceProductCodes", "null");
        fields.put("imageId", quoted(facts.imageId()));
        fields.put("instanceId", quoted(facts.instanceId()));
        fields.put("instanceType", quoted(facts.instanceType()));
        fields.put("kernelId", "null");
        fields.put("pendingTime", quoted(PENDING_TIME.format(facts.pendingTime())));
        fields.put("privateIp", primary == null ? "null" : quoted(primary.privateIps().get(0)));
        fields.put("ramdiskId", "null");
        fields.put("region", quoted(facts.region()));
        fields.put("version", quoted("2017-09-30"));
        StringBuilder document = new StringBuilder("{\n");
        fields.forEach((name, value) -> document.append("  \"").append(name).append("\" : ").append(value).append(",\n"));
        document.setLength(document.length() - 2);
        return document.append("\n}").toString();
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** public-keys/: listed as {@code 0=<name>}, its key under {@code 0/}. */
    private static final class KeyListing extends LinkedHashMap<String, Object> {
        private final String name;

        KeyListing(String name, Map<String, Object> key) {
            this.name = name;
            put("0", key);
        }
    }
}
