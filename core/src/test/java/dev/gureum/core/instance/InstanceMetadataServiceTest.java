package dev.gureum.core.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gureum.core.error.CloudException;
import dev.gureum.core.metadata.InstanceMetadataService;
import dev.gureum.core.metadata.MetadataTokens;
import dev.gureum.core.metadata.SpotMetadata;
import dev.gureum.core.runtime.InstanceRef;
import dev.gureum.core.runtime.MetadataAnswer;
import dev.gureum.core.runtime.MetadataRequest;
import dev.gureum.core.store.RecordKey;
import dev.gureum.core.store.WriteBatch;
import dev.gureum.core.tag.Tag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metadata service's rules over real instance records: IMDSv1/v2, tokens on the manual clock, options. */
class InstanceMetadataServiceTest {
    private final InstanceWorld world = new InstanceWorld();
    private final InstanceModifications modifications = new InstanceModifications(world.store, world.catalog);
    private final InstanceMetadataService metadata = new InstanceMetadataService(world.store, world.clock,
            new MetadataTokens(), world.network, world.catalog, SpotMetadata.ON_DEMAND_ONLY, world.attachments);
    private Instance web;
    private Instance db;
    private InstanceRef webRef;

    @BeforeEach
    void launchTwo() {
        List<Instance> launched = world.launch(2);
        web = launched.get(0);
        db = launched.get(1);
        world.observe(web.id(), InstanceEvent.OBSERVED_RUNNING);
        world.observe(db.id(), InstanceEvent.OBSERVED_RUNNING);
        webRef = new InstanceRef(InstanceWorld.ACCOUNT, InstanceWorld.REGION, web.id());
    }

    private MetadataAnswer ask(InstanceRef instance, String method, String path, String... headers) {
        Map<String, String> named = new HashMap<>();
        for (int index = 0; index < headers.length; index += 2) {
            named.put(headers[index].toLowerCase(java.util.Locale.ROOT), headers[index + 1]);
        }
        return metadata.answer(instance, new MetadataRequest(method, path, named));
    }

    private MetadataAnswer get(String path, String... headers) {
        return ask(webRef, "GET", path, headers);
    }

    private String token(int ttl) {
        MetadataAnswer answer = ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds",
                String.valueOf(ttl));
        assertEquals(200, answer.status(), answer.bodyText());
        return answer.bodyText();
    }

    @Test
    void imdsV1AnswersWhileTokensAreOptional() {
        MetadataAnswer answer = get("/latest/meta-data/instance-id");
        assertEquals(200, answer.status());
        assertEquals(web.id(), answer.bodyText());
        assertEquals(web.network().privateIpAddress(), get("/latest/meta-data/local-ipv4").bodyText());
        assertEquals(db.id(), ask(new InstanceRef(InstanceWorld.ACCOUNT, InstanceWorld.REGION, db.id()), "GET",
                "/latest/meta-data/instance-id").bodyText());
        assertEquals(404, get("/latest/user-data").status());
        assertTrue(get("/latest/nowhere").bodyText().contains("<title>404 - Not Found</title>"));
    }

    @Test
    void aTokenAnswersWithItsTtlAndThePutResponseHopLimitAndExpiresOnTheClock() {
        MetadataAnswer put = ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "30");
        assertEquals(200, put.status());
        assertEquals(1, put.hopLimit());
        assertEquals("30", put.headers().get("X-aws-ec2-metadata-token-ttl-seconds"));
        String token = put.bodyText();
        MetadataAnswer read = get("/latest/meta-data/instance-id", "X-aws-ec2-metadata-token", token);
        assertEquals(200, read.status());
        assertEquals(0, read.hopLimit());
        assertEquals("30", read.headers().get("X-aws-ec2-metadata-token-ttl-seconds"));
        world.clock.advance(Duration.ofSeconds(30));
        assertEquals(401, get("/latest/meta-data/instance-id", "X-aws-ec2-metadata-token", token).status());
        assertEquals(401, get("/latest/meta-data/instance-id", "X-aws-ec2-metadata-token", "garbage").status());
    }

    @Test
    void anotherInstancesTokenIsRefused() {
        String token = token(600);
        InstanceRef dbRef = new InstanceRef(InstanceWorld.ACCOUNT, InstanceWorld.REGION, db.id());
        assertEquals(401, ask(dbRef, "GET", "/latest/meta-data/instance-id", "X-aws-ec2-metadata-token", token).status());
    }

    @Test
    void tokenRequestsNeedAValidTtlNoForwardingAndAPut() {
        assertEquals(400, ask(webRef, "PUT", "/latest/api/token").status());
        for (String ttl : List.of("0", "21601", "-5", "ten", "")) {
            assertEquals(400, ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", ttl)
                    .status(), ttl);
        }
        assertEquals(200, ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "21600")
                .status());
        assertEquals(403, ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "60",
                "X-Forwarded-For", "10.0.0.9").status());
        assertEquals(405, get("/latest/api/token").status());
        assertEquals(405, ask(webRef, "POST", "/latest/meta-data/").status());
        assertEquals(405, ask(webRef, "PUT", "/latest/meta-data/instance-id").status());
    }

    @Test
    void requiredTokensRefuseImdsV1AndTheHopLimitFollowsTheOptions() {
        Instance changed = modifications.metadataOptions(world.context(), web.id(), "required", null, 3, null, null);
        assertEquals(new MetadataOptions("required", "enabled", 3, "disabled", "disabled"), changed.metadataOptions());
        assertEquals(401, get("/latest/meta-data/instance-id").status());
        assertTrue(get("/latest/meta-data/instance-id").bodyText().contains("401 - Unauthorized"));
        MetadataAnswer put = ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "60");
        assertEquals(3, put.hopLimit());
        assertEquals(200, get("/latest/meta-data/instance-id", "X-aws-ec2-metadata-token", put.bodyText()).status());
    }

    @Test
    void aDisabledEndpointForbidsEverything() {
        modifications.metadataOptions(world.context(), web.id(), null, "disabled", null, null, null);
        assertEquals(403, get("/latest/meta-data/instance-id").status());
        assertEquals(403, ask(webRef, "PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "60").status());
    }

    @Test
    void tagsShowOnlyWhenAllowedAndChangesShowAtOnce() {
        assertEquals(404, get("/latest/meta-data/tags/instance/Name").status());
        modifications.metadataOptions(world.context(), web.id(), null, null, null, "enabled", null);
        assertEquals("web", get("/latest/meta-data/tags/instance/Name").bodyText());
        var versioned = world.store.get(InstanceRecords.INSTANCES,
                new RecordKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION, web.id())).orElseThrow();
        world.store.apply(new WriteBatch().put(InstanceRecords.INSTANCES, versioned.key(), versioned.version(),
                versioned.value().withTags(List.of(new Tag("Name", "api"), new Tag("Team", "core")))));
        assertEquals("Name\nTeam", get("/latest/meta-data/tags/instance").bodyText());
        assertEquals("api", get("/latest/meta-data/tags/instance/Name").bodyText());
    }

    @Test
    void theBlockDeviceMappingListsTheLaunchsEbsVolumes() {
        LaunchRequest request = new LaunchRequest(FakeLaunchCatalog.X86_IMAGE, "t3.micro", 1, 1, null, null, null, null,
                null, null, null, null, null, null, null, List.of(), null,
                List.of(dev.gureum.core.image.BlockDevice.ebs("/dev/sdf", null, 8, "gp3", true, false, null, null)));
        Instance withData = world.launches.launch(world.context(), request).get(0);
        InstanceRef ref = new InstanceRef(InstanceWorld.ACCOUNT, InstanceWorld.REGION, withData.id());
        assertEquals("ami\nebs1\nroot", ask(ref, "GET", "/latest/meta-data/block-device-mapping/").bodyText());
        assertEquals("sdf", ask(ref, "GET", "/latest/meta-data/block-device-mapping/ebs1").bodyText());
        assertEquals(withData.rootDeviceName(), ask(ref, "GET", "/latest/meta-data/block-device-mapping/root").bodyText());
        assertEquals("ami\nroot", get("/latest/meta-data/block-device-mapping/").bodyText());
    }

    @Test
    void aSpotInstanceSaysSoAndServesItsPendingInterruption() {
        String notice = "{\"action\": \"terminate\", \"time\": \"2026-11-29T10:02:00Z\"}";
        InstanceMetadataService spotAware = new InstanceMetadataService(world.store, world.clock, new MetadataTokens(),
                world.network, world.catalog, SpotMetadata.from(instance -> instance.id().equals(web.id())
                        ? new dev.gureum.core.metadata.SpotAction(notice, "2026-11-29T10:02:00Z") : null),
                world.attachments);
        assertEquals("on-demand", spotAware.answer(webRef, new MetadataRequest("GET",
                "/latest/meta-data/instance-life-cycle", Map.of())).bodyText());
        assertEquals(404, spotAware.answer(webRef, new MetadataRequest("GET", "/latest/meta-data/spot/instance-action",
                Map.of())).status(), "an on-demand instance has no spot category");
        var versioned = world.store.get(InstanceRecords.INSTANCES,
                new RecordKey(InstanceWorld.ACCOUNT, InstanceWorld.REGION, web.id())).orElseThrow();
        world.store.apply(new WriteBatch().put(InstanceRecords.INSTANCES, versioned.key(), versioned.version(),
                versioned.value().withSpot(new SpotFacts("sir-0123", false, "terminate", null, null))));
        assertEquals("spot", spotAware.answer(webRef, new MetadataRequest("GET", "/latest/meta-data/instance-life-cycle",
                Map.of())).bodyText());
        assertEquals(notice, spotAware.answer(webRef, new MetadataRequest("GET", "/latest/meta-data/spot/instance-action",
                Map.of())).bodyText());
    }

    @Test
    void stoppedAndTerminatedInstancesAreNotServed() {
        world.commands.apply(world.context(), List.of(web.id()), InstanceEvent.TERMINATE);
        world.observe(web.id(), InstanceEvent.OBSERVED_GONE);
        assertEquals(404, get("/latest/meta-data/instance-id").status());
    }

    @Test
    void optionsAreCheckedAsEc2ChecksThem() {
        for (Integer hops : List.of(0, 65)) {
            CloudException refused = assertThrows(CloudException.class, () ->
                    modifications.metadataOptions(world.context(), web.id(), null, null, hops, null, null));
            assertEquals("InvalidParameterValue", refused.code().code());
        }
        CloudException tokens = assertThrows(CloudException.class, () ->
                modifications.metadataOptions(world.context(), web.id(), "sometimes", null, null, null, null));
        assertEquals("InvalidParameterValue", tokens.code().code());
        assertEquals(MetadataOptions.DEFAULTS, world.current(web.id()).metadataOptions());
        Instance unchanged = modifications.metadataOptions(world.context(), web.id(), null, null, null, null, null);
        assertEquals(MetadataOptions.DEFAULTS, unchanged.metadataOptions());
        world.commands.apply(world.context(), List.of(db.id()), InstanceEvent.TERMINATE);
        CloudException terminated = assertThrows(CloudException.class, () ->
                modifications.metadataOptions(world.context(), db.id(), "required", null, null, null, null));
        assertEquals("IncorrectInstanceState", terminated.code().code());
    }
}
