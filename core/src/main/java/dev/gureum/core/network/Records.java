package dev.gureum.core.network;

import dev.gureum.core.RequestContext;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.Versioned;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads of one kind of network record in the caller's account and region, with EC2's answers for ids
 * that are malformed ({@code <family>.Malformed}) or unknown ({@code <family>.NotFound}).
 */
final class Records<T> {
    private final Store store;
    private final RecordKind<T> kind;
    private final IdKind idKind;
    private final Function<T, String> id;

    Records(Store store, RecordKind<T> kind, IdKind idKind, Function<T, String> id) {
        this.store = store;
        this.kind = kind;
        this.idKind = idKind;
        this.id = id;
    }

    RecordKind<T> kind() {
        return kind;
    }

    /** The record with its version, or the kind's NotFound (Malformed for a badly formed id). */
    Versioned<T> require(RequestContext context, String resourceId) {
        if (resourceId == null || resourceId.isEmpty()) {
            throw dev.gureum.core.error.Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter "
                    + idKind.noun());
        }
        ResourceIds.requireWellFormed(idKind, List.of(resourceId));
        return store.get(kind, key(context, resourceId))
                .orElseThrow(() -> ResourceIds.notFound(idKind, List.of(resourceId)));
    }

    java.util.Optional<T> find(RequestContext context, String resourceId) {
        return store.get(kind, key(context, resourceId)).map(Versioned::value);
    }

    List<T> all(RequestContext context) {
        List<T> values = new ArrayList<>();
        for (Versioned<T> versioned : store.list(kind, context.account(), context.region())) {
            values.add(versioned.value());
        }
        return values;
    }

    List<T> where(RequestContext context, Predicate<T> condition) {
        return all(context).stream().filter(condition).toList();
    }

    /**
     * DescribeX's selection: the named ids (each must exist, all unknown ones named in one NotFound) or
     * everything, then the filters, in id order.
     */
    List<T> describe(RequestContext context, Collection<String> ids, Predicate<T> filters) {
        ResourceIds.requireWellFormed(idKind, ids);
        List<T> chosen;
        if (ids.isEmpty()) {
            chosen = all(context);
        } else {
            chosen = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (String wanted : new java.util.LinkedHashSet<>(ids)) {
                store.get(kind, key(context, wanted)).ifPresentOrElse(found -> chosen.add(found.value()),
                        () -> missing.add(wanted));
            }
            if (!missing.isEmpty()) {
                throw ResourceIds.notFound(idKind, missing);
            }
        }
        return chosen.stream().filter(filters).sorted(Comparator.comparing(id)).toList();
    }

    RecordKey key(RequestContext context, String resourceId) {
        return new RecordKey(context.account(), context.region(), resourceId);
    }
}
