package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DHCP options sets: CreateDhcpOptions (the options EC2 knows, each held to its number and kind of values),
 * AssociateDhcpOptions (a set, or {@code default} for none, replaces a VPC's), DeleteDhcpOptions (not while a
 * VPC uses the set) and DescribeDhcpOptions. Gureum's instances take their names from the records, not from a
 * DHCP server, so a set changes what is recorded and shown, not an instance's resolver.
 */
public final class DhcpOptionsService {
    /** What AssociateDhcpOptions takes for "no DHCP options". */
    public static final String NONE = "default";
    private static final int MAX_ADDRESSES = 4;
    private static final FilterSet<DhcpOptions> FILTERS = FilterSet.<DhcpOptions>builder()
            .single("dhcp-options-id", DhcpOptions::id)
            .many("key", options -> options.configurations().keySet())
            .many("value", options -> options.configurations().values().stream().flatMap(List::stream).toList())
            .single("owner-id", DhcpOptions::ownerId)
            .tags(DhcpOptions::tags)
            .build();

    private final Store store;
    private final DefaultVpcs defaults;
    private final Records<DhcpOptions> sets;
    private final Records<Vpc> vpcs;

    public DhcpOptionsService(Store store, DefaultVpcs defaults) {
        this.store = store;
        this.defaults = defaults;
        this.sets = new Records<>(store, NetworkRecords.DHCP_OPTIONS, IdKind.DHCP_OPTIONS, DhcpOptions::id);
        this.vpcs = new Records<>(store, NetworkRecords.VPCS, IdKind.VPC, Vpc::id);
    }

    public List<DhcpOptions> describe(RequestContext context, List<String> ids, List<Filter> filters) {
        defaults.ensure(context);
        return sets.describe(context, ids, FILTERS.compile(filters));
    }

    /** CreateDhcpOptions: option name to values, in the order given. */
    public DhcpOptions create(RequestContext context, Map<String, List<String>> configurations, List<Tag> tags) {
        defaults.ensure(context);
        if (configurations.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter dhcpConfiguration");
        }
        Map<String, List<String>> checked = new LinkedHashMap<>();
        configurations.forEach((key, values) -> checked.put(key, checked(key, values)));
        TagRules.validate(tags);
        DhcpOptions options = new DhcpOptions(ResourceIds.next(IdKind.DHCP_OPTIONS), context.account(),
                context.region(), checked, TagRules.merge(List.of(), tags));
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.DHCP_OPTIONS,
                NetworkWrites.key(context, options.id()), WriteBatch.ABSENT, options));
        return options;
    }

    /** AssociateDhcpOptions: the VPC uses the set from now on ({@link #NONE}: no set). */
    public void associate(RequestContext context, String optionsId, String vpcId) {
        defaults.ensure(context);
        if (optionsId == null) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter dhcpOptionsId");
        }
        if (!NONE.equals(optionsId)) {
            sets.require(context, optionsId);
        }
        Versioned<Vpc> vpc = vpcs.require(context, vpcId);
        Writes.commit(store, context, new WriteBatch().put(NetworkRecords.VPCS, vpc.key(), vpc.version(),
                vpc.value().withDhcpOptions(optionsId)));
    }

    /** DeleteDhcpOptions: not while a VPC uses the set. */
    public void delete(RequestContext context, String optionsId) {
        defaults.ensure(context);
        Versioned<DhcpOptions> found = sets.require(context, optionsId);
        boolean used = store.list(NetworkRecords.VPCS, context.account(), context.region()).stream()
                .anyMatch(vpc -> optionsId.equals(vpc.value().dhcpOptionsId()));
        if (used) {
            throw Ec2Error.DEPENDENCY_VIOLATION.exception("The dhcpOptions '" + optionsId
                    + "' has dependencies and cannot be deleted.");
        }
        Writes.commit(store, context, new WriteBatch().delete(NetworkRecords.DHCP_OPTIONS, found.key(),
                found.version()));
    }

    /** One option's values, held to what EC2 allows for it. */
    private static List<String> checked(String key, List<String> values) {
        if (values.isEmpty()) {
            throw invalid("value", key + " needs a value");
        }
        switch (key) {
            case "domain-name" -> {
                if (values.size() > 1) {
                    throw invalid("value", "domain-name takes one value (domains separated by spaces)");
                }
            }
            case "domain-name-servers", "ntp-servers", "netbios-name-servers" -> {
                if (values.size() > MAX_ADDRESSES) {
                    throw invalid("value", key + " takes at most " + MAX_ADDRESSES + " addresses");
                }
                for (String value : values) {
                    boolean amazon = key.equals("domain-name-servers") && value.equals("AmazonProvidedDNS");
                    if (!amazon && Ipv4Cidr.parseAddress(value) < 0) {
                        throw invalid("value", value + " is not an IPv4 address");
                    }
                }
            }
            case "netbios-node-type" -> {
                if (values.size() > 1 || !List.of("1", "2", "4", "8").contains(values.get(0))) {
                    throw invalid("value", "netbios-node-type is one of 1, 2, 4 and 8");
                }
            }
            case "ipv6-address-preferred-lease-time" -> {
                long seconds;
                try {
                    seconds = values.size() == 1 ? Long.parseLong(values.get(0)) : -1;
                } catch (NumberFormatException e) {
                    seconds = -1;
                }
                if (seconds < 140 || seconds > Integer.MAX_VALUE) {
                    throw invalid("value", "ipv6-address-preferred-lease-time is 140 to 2147483647 seconds");
                }
            }
            default -> throw invalid("key", "Unknown DHCP option " + key);
        }
        return List.copyOf(values);
    }

    private static RuntimeException invalid(String parameter, String reason) {
        return Ec2Error.INVALID_PARAMETER_VALUE.exception("Value for parameter " + parameter + " is invalid. "
                + reason + ".");
    }
}
