package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.keypair.CreatedKeyPair;
import dev.gureum.core.keypair.KeyFormat;
import dev.gureum.core.keypair.KeyPair;
import dev.gureum.core.keypair.KeyPairService;
import dev.gureum.core.keypair.KeyType;
import dev.gureum.core.tag.Tag;
import dev.gureum.server.dispatch.OperationTable;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * CreateKeyPair, ImportKeyPair, DescribeKeyPairs and DeleteKeyPair. ImportKeyPair's PublicKeyMaterial is
 * base64 on the wire; the codec hands over the key file's own bytes. Tags given at creation must name
 * the resource type {@code key-pair}; create and import answer with a tag set only when tags were given.
 */
final class KeyPairHandlers {
    private static final String RESOURCE_TYPE = "key-pair";

    private final KeyPairService keyPairs;

    KeyPairHandlers(KeyPairService keyPairs) {
        this.keyPairs = keyPairs;
    }

    void registerInto(OperationTable table) {
        table.register(CreateKeyPairRequest.class, this::createKeyPair);
        table.register(ImportKeyPairRequest.class, this::importKeyPair);
        table.register(DescribeKeyPairsRequest.class, this::describeKeyPairs);
        table.register(DeleteKeyPairRequest.class, this::deleteKeyPair);
    }

    CreateKeyPairResponse createKeyPair(CreateKeyPairRequest request, RequestContext context) {
        CreatedKeyPair created = keyPairs.create(context, request.keyName(),
                KeyType.fromWireName(request.keyTypeAsString()), KeyFormat.fromWireName(request.keyFormatAsString()),
                creationTags(request.tagSpecifications()));
        KeyPair keyPair = created.keyPair();
        CreateKeyPairResponse.Builder response = CreateKeyPairResponse.builder()
                .keyPairId(keyPair.id())
                .keyName(keyPair.name())
                .keyFingerprint(keyPair.fingerprint())
                .keyMaterial(created.privateKeyMaterial());
        if (!keyPair.tags().isEmpty()) {
            response.tags(Tags.toSdk(keyPair.tags()));
        }
        return response.build();
    }

    ImportKeyPairResponse importKeyPair(ImportKeyPairRequest request, RequestContext context) {
        KeyPair keyPair = keyPairs.importKeyPair(context, request.keyName(), request.publicKeyMaterial().asByteArray(),
                creationTags(request.tagSpecifications()));
        ImportKeyPairResponse.Builder response = ImportKeyPairResponse.builder()
                .keyPairId(keyPair.id())
                .keyName(keyPair.name())
                .keyFingerprint(keyPair.fingerprint());
        if (!keyPair.tags().isEmpty()) {
            response.tags(Tags.toSdk(keyPair.tags()));
        }
        return response.build();
    }

    DescribeKeyPairsResponse describeKeyPairs(DescribeKeyPairsRequest request, RequestContext context) {
        boolean includePublicKey = Boolean.TRUE.equals(request.includePublicKey());
        List<KeyPair> found = keyPairs.describe(context, request.keyNames(), request.keyPairIds(),
                Filters.of(request.filters()));
        return DescribeKeyPairsResponse.builder()
                .keyPairs(found.stream().map(keyPair -> KeyPairInfo.builder()
                        .keyPairId(keyPair.id())
                        .keyName(keyPair.name())
                        .keyType(keyPair.type().wireName())
                        .keyFingerprint(keyPair.fingerprint())
                        .publicKey(includePublicKey ? keyPair.publicKey() : null)
                        .createTime(keyPair.createTime())
                        .tags(Tags.toSdk(keyPair.tags()))
                        .build()).toList())
                .build();
    }

    DeleteKeyPairResponse deleteKeyPair(DeleteKeyPairRequest request, RequestContext context) {
        return DeleteKeyPairResponse.builder()
                .returnValue(true)
                .keyPairId(keyPairs.delete(context, request.keyName(), request.keyPairId()).orElse(null))
                .build();
    }

    private static List<Tag> creationTags(List<TagSpecification> specifications) {
        return Tags.forCreated(specifications, RESOURCE_TYPE);
    }
}
