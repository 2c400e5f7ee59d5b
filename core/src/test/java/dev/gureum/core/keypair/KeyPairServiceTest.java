package dev.gureum.core.keypair;

import dev.gureum.core.store.FakeStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.CloudException;
import dev.gureum.core.filter.Filter;
import dev.gureum.core.tag.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The key pair rules: names, duplicates, lookups, filters, deletion, accounts and regions, dry runs. */
class KeyPairServiceTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final FakeStore store = new FakeStore();
    private final KeyPairService keyPairs = new KeyPairService(store);

    @Test
    void createStoresThePublicHalfOnly() {
        CreatedKeyPair created = keyPairs.create(context("111122223333", "us-east-1"), "dev", KeyType.ED25519,
                KeyFormat.PEM, List.of(new Tag("team", "a")));
        KeyPair keyPair = created.keyPair();
        assertTrue(keyPair.id().matches("key-[0-9a-f]{17}"), keyPair.id());
        assertEquals(NOW, keyPair.createTime());
        assertTrue(keyPair.publicKey().startsWith("ssh-ed25519 AAAA") && keyPair.publicKey().endsWith(" dev"));
        assertEquals(List.of(new Tag("team", "a")), keyPair.tags());
        assertTrue(created.privateKeyMaterial().startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        assertEquals(Optional.of(keyPair), keyPairs.findByName("111122223333", "us-east-1", "dev"));
    }

    @Test
    void importKeepsTheKeyAndItsImportFingerprint() {
        KeyPair keyPair = keyPairs.importKeyPair(context("111122223333", "us-east-1"), "laptop",
                Fixtures.bytes("imported-rsa.pub"), List.of());
        assertEquals(KeyType.RSA, keyPair.type());
        assertEquals("47:7b:5a:15:18:c3:77:a0:e6:df:d7:cd:ca:e0:6b:c0", keyPair.fingerprint());
        String line = Fixtures.text("imported-rsa.pub").strip();
        assertEquals(line.substring(0, line.lastIndexOf(' ')) + " laptop", keyPair.publicKey());
    }

    @Test
    void aNameIsTakenOncePerAccountAndRegion() {
        keyPairs.create(context("111122223333", "us-east-1"), "dev", KeyType.RSA, KeyFormat.PEM, List.of());
        CloudException duplicate = assertThrows(CloudException.class, () -> keyPairs.importKeyPair(
                context("111122223333", "us-east-1"), "dev", Fixtures.bytes("imported-ed25519.pub"), List.of()));
        assertEquals("InvalidKeyPair.Duplicate", duplicate.code().code());
        assertEquals("The keypair 'dev' already exists.", duplicate.getMessage());
        keyPairs.create(context("444455556666", "us-east-1"), "dev", KeyType.RSA, KeyFormat.PEM, List.of());
        keyPairs.create(context("111122223333", "eu-west-1"), "dev", KeyType.RSA, KeyFormat.PEM, List.of());
        assertEquals(1, keyPairs.describe(context("444455556666", "us-east-1"), List.of(), List.of(), List.of()).size());
        assertTrue(keyPairs.findByName("444455556666", "eu-west-1", "dev").isEmpty());
    }

    @Test
    void concurrentCreatesOfOneNameLeaveOneKeyPair() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            Callable<Boolean> create = () -> {
                try {
                    keyPairs.importKeyPair(context("111122223333", "us-east-1"), "race",
                            Fixtures.bytes("imported-ed25519.pub"), List.of());
                    return true;
                } catch (CloudException duplicate) {
                    return false;
                }
            };
            List<Future<Boolean>> results = threads.invokeAll(java.util.Collections.nCopies(16, create));
            long created = 0;
            for (Future<Boolean> result : results) {
                created += result.get() ? 1 : 0;
            }
            assertEquals(1, created);
            assertEquals(2, store.size(), "one key pair and its name claim");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void refusesBadNames() {
        RequestContext context = context("111122223333", "us-east-1");
        assertEquals("InvalidParameterValue", refusal(() -> keyPairs.create(context, "x".repeat(256), KeyType.RSA,
                KeyFormat.PEM, List.of())));
        assertEquals("InvalidParameterValue", refusal(() -> keyPairs.create(context, "clé", KeyType.RSA,
                KeyFormat.PEM, List.of())));
        assertEquals("MissingParameter", refusal(() -> keyPairs.create(context, "", KeyType.RSA, KeyFormat.PEM, List.of())));
        keyPairs.importKeyPair(context, "x".repeat(255) , Fixtures.bytes("imported-ed25519.pub"), List.of());
        keyPairs.importKeyPair(context, "with spaces/and:punctuation!", Fixtures.bytes("imported-ed25519.pub"), List.of());
        assertEquals("InvalidParameterValue", refusal(() -> keyPairs.importKeyPair(context, "tagged",
                Fixtures.bytes("imported-ed25519.pub"), List.of(new Tag("aws:reserved", "v")))));
    }

    @Test
    void describeNamesIdsAndFilters() {
        RequestContext context = context("111122223333", "us-east-1");
        KeyPair b = keyPairs.create(context, "b", KeyType.RSA, KeyFormat.PEM, List.of(new Tag("env", "prod"))).keyPair();
        KeyPair a = keyPairs.importKeyPair(context, "a", Fixtures.bytes("imported-ed25519.pub"), List.of(new Tag("env", "dev")));
        assertEquals(List.of(a, b), keyPairs.describe(context, List.of(), List.of(), List.of()));
        assertEquals(List.of(b), keyPairs.describe(context, List.of("b"), List.of(), List.of()));
        assertEquals(List.of(a, b), keyPairs.describe(context, List.of("b"), List.of(a.id()), List.of()));
        assertEquals(List.of(a), describe(context, new Filter("key-type", List.of("ed25519"))));
        assertEquals(List.of(b), describe(context, new Filter("tag:env", List.of("pr*"))));
        assertEquals(List.of(a, b), describe(context, new Filter("tag-key", List.of("env"))));
        assertEquals(List.of(a), describe(context, new Filter("fingerprint", List.of(a.fingerprint()))));
        assertEquals(List.of(b), describe(context, new Filter("key-pair-id", List.of(b.id()))));
        assertEquals(List.of(), describe(context, new Filter("key-name", List.of("c*"))));
        assertEquals("InvalidParameterValue", refusal(() -> describe(context, new Filter("owner-id", List.of("x")))));
        CloudException unknownName = assertThrows(CloudException.class,
                () -> keyPairs.describe(context, List.of("a", "nope"), List.of(), List.of()));
        assertEquals("InvalidKeyPair.NotFound", unknownName.code().code());
        assertEquals("The key pair 'nope' does not exist", unknownName.getMessage());
        CloudException unknownId = assertThrows(CloudException.class,
                () -> keyPairs.describe(context, List.of(), List.of("key-0123456789abcdef0"), List.of()));
        assertEquals("The key pair ID 'key-0123456789abcdef0' does not exist", unknownId.getMessage());
        assertEquals("InvalidKeyPair.Malformed", refusal(() -> keyPairs.describe(context, List.of(), List.of("kp-1"), List.of())));
    }

    @Test
    void deleteByNameOrId() {
        RequestContext context = context("111122223333", "us-east-1");
        KeyPair first = keyPairs.create(context, "first", KeyType.RSA, KeyFormat.PEM, List.of()).keyPair();
        KeyPair second = keyPairs.create(context, "second", KeyType.ED25519, KeyFormat.PPK, List.of()).keyPair();
        assertEquals(Optional.of(first.id()), keyPairs.delete(context, "first", null));
        assertEquals(Optional.empty(), keyPairs.delete(context, "first", null), "an unknown name is a success");
        assertEquals(Optional.of(second.id()), keyPairs.delete(context, null, second.id()));
        assertEquals("InvalidKeyPair.NotFound", refusal(() -> keyPairs.delete(context, null, second.id())));
        assertEquals("MissingParameter", refusal(() -> keyPairs.delete(context, null, null)));
        assertEquals(0, store.size(), "the name claims went with their key pairs");
        keyPairs.create(context, "first", KeyType.RSA, KeyFormat.PEM, List.of());
    }

    @Test
    void runInstancesFindsAKeyByNameOrAnswersNotFound() {
        RequestContext context = context("111122223333", "us-east-1");
        KeyPair created = keyPairs.create(context, "dev", KeyType.RSA, KeyFormat.PEM, List.of()).keyPair();
        assertEquals(created.publicKey(), keyPairs.requireByName(context, "dev").publicKey());
        CloudException missing = assertThrows(CloudException.class,
                () -> keyPairs.requireByName(context("111122223333", "us-west-2"), "dev"));
        assertEquals("InvalidKeyPair.NotFound", missing.code().code());
        assertEquals("The key pair 'dev' does not exist", missing.getMessage());
    }

    @Test
    void aDryRunChecksButWritesNothing() {
        RequestContext dryRun = new RequestContext("111122223333", "us-east-1", "request", NOW, true);
        keyPairs.create(dryRun, "dev", KeyType.RSA, KeyFormat.PEM, List.of());
        keyPairs.importKeyPair(dryRun, "laptop", Fixtures.bytes("imported-rsa.pub"), List.of());
        assertEquals("InvalidKey.Format", refusal(() -> keyPairs.importKeyPair(dryRun, "junk",
                "junk".getBytes(StandardCharsets.US_ASCII), List.of())));
        assertEquals(0, store.batches());
        keyPairs.create(context("111122223333", "us-east-1"), "dev", KeyType.RSA, KeyFormat.PEM, List.of());
        assertFalse(keyPairs.delete(dryRun, "dev", null).isEmpty());
        assertEquals(1, store.batches());
    }

    private List<KeyPair> describe(RequestContext context, Filter filter) {
        return keyPairs.describe(context, List.of(), List.of(), List.of(filter));
    }

    private static String refusal(Runnable call) {
        return assertThrows(CloudException.class, call::run).code().code();
    }

    private static RequestContext context(String account, String region) {
        return new RequestContext(account, region, "request", NOW, false);
    }
}
