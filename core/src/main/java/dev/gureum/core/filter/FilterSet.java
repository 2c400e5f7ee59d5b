package dev.gureum.core.filter;

import dev.gureum.core.error.Ec2Error;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filters one kind of resource supports, as EC2 evaluates them: a resource matches a filter when
 * any of its values for that name matches any of the filter's values (with {@code *} and {@code ?}
 * wildcards), and it must match every filter given. A name the kind does not support is refused with
 * {@code InvalidParameterValue}, never silently ignored.
 */
public final class FilterSet<T> {
    private final List<String> declared;
    private final Map<String, Function<T, ?>> singles;
    private final Map<String, Function<T, Collection<String>>> attributes;
    private final Map<String, BiFunction<T, String, Collection<String>>> prefixed;

    private FilterSet(Builder<T> builder) {
        this.declared = List.copyOf(builder.declared);
        this.singles = Map.copyOf(builder.singles);
        this.attributes = Map.copyOf(builder.attributes);
        this.prefixed = Map.copyOf(builder.prefixed);
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The names this set supports, in the order they were declared (for documentation and tests). */
    public List<String> names() {
        return declared;
    }

    /** A predicate that accepts exactly the resources every filter matches. */
    public Predicate<T> compile(List<Filter> filters) {
        Predicate<T> all = resource -> true;
        for (Filter filter : filters) {
            all = all.and(compile(filter));
        }
        return all;
    }

    private Predicate<T> compile(Filter filter) {
        List<Wildcard> patterns = filter.values().stream().map(Wildcard::new).toList();
        Function<T, ?> single = singles.get(filter.name());
        if (single != null) {
            return resource -> {
                Object found = single.apply(resource);
                return found != null && matchesAny(patterns, found instanceof String text ? text : found.toString());
            };
        }
        Function<T, Collection<String>> values = valuesOf(filter.name());
        return resource -> {
            for (String value : values.apply(resource)) {
                for (Wildcard pattern : patterns) {
                    if (value != null && pattern.matches(value)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    private static boolean matchesAny(List<Wildcard> patterns, String value) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(value)) {
                return true;
            }
        }
        return false;
    }

    private Function<T, Collection<String>> valuesOf(String name) {
        Function<T, Collection<String>> attribute = attributes.get(name);
        if (attribute != null) {
            return attribute;
        }
        for (Map.Entry<String, BiFunction<T, String, Collection<String>>> entry : prefixed.entrySet()) {
            if (name.startsWith(entry.getKey()) && name.length() > entry.getKey().length()) {
                String suffix = name.substring(entry.getKey().length());
                BiFunction<T, String, Collection<String>> lookup = entry.getValue();
                return resource -> lookup.apply(resource, suffix);
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("The filter '" + name + "' is invalid");
    }

    /** Declares the supported filter names of a kind. */
    public static final class Builder<T> {
        private final List<String> declared = new ArrayList<>();
        private final Map<String, Function<T, ?>> singles = new LinkedHashMap<>();
        private final Map<String, Function<T, Collection<String>>> attributes = new LinkedHashMap<>();
        private final Map<String, BiFunction<T, String, Collection<String>>> prefixed = new LinkedHashMap<>();

        /** A filter whose resource has at most one value (null means none); matched without allocating. */
        public Builder<T> single(String name, Function<T, ?> value) {
            declared.add(name);
            singles.put(name, value);
            return this;
        }

        /**
         * Filters EC2 documents for features Gureum does not have (IPv6, Outposts, Dedicated Hosts…): accepted, as
         * EC2 accepts them, and matching no resource, since none has such a value.
         */
        public Builder<T> absent(String... names) {
            for (String name : names) {
                single(name, resource -> null);
            }
            return this;
        }

        /** A filter whose value is the same for every resource: a setting Gureum always runs with. */
        public Builder<T> fixed(String name, String value) {
            return single(name, resource -> value);
        }

        public Builder<T> many(String name, Function<T, Collection<String>> values) {
            declared.add(name);
            attributes.put(name, values);
            return this;
        }

        /** A family of filters such as {@code tag:<key>}: the lookup receives what follows the prefix. */
        public Builder<T> prefixed(String prefix, BiFunction<T, String, Collection<String>> values) {
            declared.add(prefix + "*");
            prefixed.put(prefix, values);
            return this;
        }

        /** The tag filters every taggable kind has: {@code tag-key} and {@code tag:<key>}. */
        public Builder<T> tags(Function<T, List<dev.gureum.core.tag.Tag>> tags) {
            many("tag-key", resource -> tags.apply(resource).stream().map(dev.gureum.core.tag.Tag::key).toList());
            return prefixed("tag:", (resource, key) -> tags.apply(resource).stream()
                    .filter(tag -> tag.key().equals(key)).map(dev.gureum.core.tag.Tag::value).toList());
        }

        public FilterSet<T> build() {
            return new FilterSet<>(this);
        }
    }
}
