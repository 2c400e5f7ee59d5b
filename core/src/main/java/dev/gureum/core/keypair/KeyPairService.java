package dev.gureum.core.keypair;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.filter.FilterSet;
import dev.gureum.core.ids.IdKind;
import dev.gureum.core.ids.ResourceIds;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.RecordKind;
import dev.gureum.core.store.Store;
import dev.gureum.core.store.VersionConflictException;
import dev.gureum.core.store.Versioned;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.store.Writes;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import dev.gureum.core.tag.Taggable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * EC2 key pairs, per account and region: CreateKeyPair (the private key is returned once and never
 * stored), ImportKeyPair, DescribeKeyPairs, DeleteKeyPair, and the lookup RunInstances uses. A name is
 * unique within its account and region: a name claim record is written in the same batch as the key pair,
 * so a concurrent create of the same name fails its compare-and-set and answers {@code InvalidKeyPair.Duplicate}.
 */
public final class KeyPairService {
    public static final RecordKind<KeyPair> KIND = RecordKind.of("key-pair", KeyPair.class);
    static final RecordKind<KeyPairNameClaim> NAME_CLAIMS = RecordKind.of("key-pair-name", KeyPairNameClaim.class);
    /** How CreateTags, DeleteTags and DescribeTags reach key pairs ({@code TagService.register}). */
    public static final Taggable<KeyPair> TAGGABLE =
            new Taggable<>(IdKind.KEY_PAIR, "key-pair", KIND, KeyPair::tags, KeyPair::withTags);
    public static final int MAXIMUM_NAME_LENGTH = 255;

    private static final FilterSet<KeyPair> FILTERS = FilterSet.<KeyPair>builder()
            .single("fingerprint", KeyPair::fingerprint)
            .single("key-name", KeyPair::name)
            .single("key-pair-id", KeyPair::id)
            .single("key-type", keyPair -> keyPair.type().wireName())
            .many("tag-key", keyPair -> keyPair.tags().stream().map(Tag::key).toList())
            .prefixed("tag:", (keyPair, key) -> keyPair.tags().stream()
                    .filter(tag -> tag.key().equals(key)).map(Tag::value).toList())
            .build();

    private final Store store;

    public KeyPairService(Store store) {
        this.store = store;
    }

    /** Generates a key pair and returns its private key in {@code format}; only the public key is stored. */
    public CreatedKeyPair create(RequestContext context, String name, KeyType type, KeyFormat format, List<Tag> tags) {
        checkName(name);
        TagRules.validate(tags);
        requireNameFree(context, name);
        GeneratedKey key = GeneratedKey.generate(type, format, name);
        KeyPair keyPair = save(context, name, key.publicKey(), key.fingerprint(), tags);
        return new CreatedKeyPair(keyPair, key.privateKeyMaterial());
    }

    /** Imports a public key given as the raw bytes of a key file (the SDK's decoded PublicKeyMaterial). */
    public KeyPair importKeyPair(RequestContext context, String name, byte[] publicKeyMaterial, List<Tag> tags) {
        checkName(name);
        TagRules.validate(tags);
        requireNameFree(context, name);
        ImportedKey key = ImportedKey.parse(publicKeyMaterial);
        return save(context, name, key.publicKey(), key.fingerprint(), tags);
    }

    /**
     * The key pairs named by name or id (each must exist), or all of them, that match every filter, by name.
     */
    public List<KeyPair> describe(RequestContext context, List<String> names, List<String> ids, List<Filter> filters) {
        ResourceIds.requireWellFormed(IdKind.KEY_PAIR, ids);
        Predicate<KeyPair> matches = FILTERS.compile(filters);
        List<KeyPair> all = store.list(KIND, context.account(), context.region()).stream().map(Versioned::value).toList();
        for (String name : names) {
            if (all.stream().noneMatch(keyPair -> keyPair.name().equals(name))) {
                throw notFound(name);
            }
        }
        List<String> unknownIds = ids.stream()
                .filter(id -> all.stream().noneMatch(keyPair -> keyPair.id().equals(id))).toList();
        if (!unknownIds.isEmpty()) {
            throw ResourceIds.notFound(IdKind.KEY_PAIR, unknownIds);
        }
        boolean named = !names.isEmpty() || !ids.isEmpty();
        return all.stream()
                .filter(keyPair -> !named || names.contains(keyPair.name()) || ids.contains(keyPair.id()))
                .filter(matches)
                .sorted(Comparator.comparing(KeyPair::name))
                .toList();
    }

    /**
     * Deletes by id (which must exist) or else by name (a name that does not exist is a success, as in EC2).
     *
     * @return the id of the key pair deleted, if one was
     */
    public Optional<String> delete(RequestContext context, String name, String id) {
        Optional<Versioned<KeyPair>> found;
        if (id != null) {
            ResourceIds.requireWellFormed(IdKind.KEY_PAIR, List.of(id));
            found = store.get(KIND, key(context, id));
            if (found.isEmpty()) {
                throw ResourceIds.notFound(IdKind.KEY_PAIR, List.of(id));
            }
        } else if (name != null) {
            found = findVersioned(context.account(), context.region(), name);
        } else {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter KeyName or KeyPairId");
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeyPair keyPair = found.get().value();
        // The claim of a name exists exactly while its key pair does, so the key pair's version guards both.
        WriteBatch batch = new WriteBatch()
                .delete(KIND, found.get().key(), found.get().version())
                .delete(NAME_CLAIMS, key(context, keyPair.name()), WriteBatch.ANY);
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException changedMeanwhile) {
            return delete(context, name, id);
        }
        return Optional.of(keyPair.id());
    }

    /** The key pair called {@code name} in an account and region, if there is one. */
    public Optional<KeyPair> findByName(String account, String region, String name) {
        return findVersioned(account, region, name).map(Versioned::value);
    }

    /**
     * The key pair a request names, as RunInstances needs it: its {@link KeyPair#publicKey()} is the
     * authorized_keys line to install.
     *
     * @throws CloudException {@code InvalidKeyPair.NotFound} when the account has no such key pair in the region
     */
    public KeyPair requireByName(RequestContext context, String name) {
        return findByName(context.account(), context.region(), name).orElseThrow(() -> notFound(name));
    }

    private Optional<Versioned<KeyPair>> findVersioned(String account, String region, String name) {
        return store.get(NAME_CLAIMS, new RecordKey(account, region, name))
                .flatMap(claim -> store.get(KIND, new RecordKey(account, region, claim.value().keyPairId())));
    }

    private KeyPair save(RequestContext context, String name, SshPublicKey publicKey, String fingerprint,
                         List<Tag> tags) {
        KeyPair keyPair = new KeyPair(ResourceIds.next(IdKind.KEY_PAIR), name, publicKey.type(), fingerprint,
                publicKey.openSshLine(name), context.now(), TagRules.merge(List.of(), tags));
        WriteBatch batch = new WriteBatch()
                .put(KIND, key(context, keyPair.id()), WriteBatch.ABSENT, keyPair)
                .put(NAME_CLAIMS, key(context, name), WriteBatch.ABSENT, new KeyPairNameClaim(keyPair.id()));
        try {
            Writes.commit(store, context, batch);
        } catch (VersionConflictException claimedMeanwhile) {
            throw duplicate(name);
        }
        return keyPair;
    }

    private void requireNameFree(RequestContext context, String name) {
        if (store.get(NAME_CLAIMS, key(context, name)).isPresent()) {
            throw duplicate(name);
        }
    }

    /** Up to 255 ASCII characters (EC2 API reference, CreateKeyPair and ImportKeyPair). */
    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter KeyName");
        }
        if (name.length() > MAXIMUM_NAME_LENGTH) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                    + ") for parameter keyName is invalid. Length exceeds maximum of " + MAXIMUM_NAME_LENGTH + ".");
        }
        if (!name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + name
                    + ") for parameter keyName is invalid. Character sets beyond ASCII are not supported.");
        }
    }

    private static RecordKey key(RequestContext context, String id) {
        return new RecordKey(context.account(), context.region(), id);
    }

    private static CloudException duplicate(String name) {
        return Ec2Error.INVALID_KEY_PAIR_DUPLICATE.exception("The keypair '" + name + "' already exists.");
    }

    private static CloudException notFound(String name) {
        return Ec2Error.KEY_PAIR_ID_NOT_FOUND.exception("The key pair '" + name + "' does not exist");
    }
}
