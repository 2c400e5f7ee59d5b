package dev.gureum.core.network;

import static dev.gureum.core.network.SecurityGroupWorld.assertRefused;
import static dev.gureum.core.network.SecurityGroupWorld.cidr;
import static dev.gureum.core.network.SecurityGroupWorld.context;
import static dev.gureum.core.network.SecurityGroupWorld.permission;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gureum.core.filter.Filter;
import dev.gureum.core.tag.Tag;
import dev.gureum.core.tag.TagRules;
import dev.gureum.core.tag.TagService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CreateTags, DeleteTags and DescribeTags on groups and on the rules kept inside them. */
class SecurityGroupTagsTest {
    private final SecurityGroupWorld world = new SecurityGroupWorld();
    private final TagService tags = new TagService(world.store);

    SecurityGroupTagsTest() {
        tags.register(SecurityGroupService.TAGGABLE);
    }

    @Test
    void aGroupAndItsRulesAreTaggedInOneWrite() {
        SecurityGroup group = world.create("tagged");
        List<GroupRule> rules = world.authorize(group, Direction.INGRESS, permission("tcp", 22, 22, cidr("10.0.0.0/8"),
                cidr("10.1.0.0/16")));
        String first = rules.get(0).rule().id();
        String second = rules.get(1).rule().id();
        int before = world.store.batches();
        tags.create(context(), List.of(first, group.id(), second), List.of(new Tag("team", "net")));
        assertEquals(before + 1, world.store.batches());
        SecurityGroup tagged = world.current(group.id());
        assertEquals(List.of(new Tag("team", "net")), tagged.tags());
        assertEquals(List.of(List.of(new Tag("team", "net")), List.of(new Tag("team", "net"))),
                tagged.rules(false).stream().map(SecurityGroupRule::tags).toList());
        assertEquals(List.of(), tagged.rules(true).getFirst().tags(), "the rules not named keep their tags");

        assertEquals(List.of(first + " security-group-rule", second + " security-group-rule",
                        group.id() + " security-group").stream().sorted().toList(),
                tags.describe(context(), List.of(new Filter("key", List.of("team"))), null, null).items().stream()
                        .map(tag -> tag.resourceId() + " " + tag.resourceType()).toList());
        tags.delete(context(), List.of(first), List.of(new TagRules.RemovedTag("team", null)));
        assertEquals(List.of(), world.current(group.id()).rules(false).getFirst().tags());
        assertEquals(List.of(new Tag("team", "net")), world.current(group.id()).tags());
    }

    @Test
    void unknownGroupsAndRulesAreNotFound() {
        SecurityGroup group = world.create("known");
        assertRefused("InvalidSecurityGroupRuleId.NotFound", "The security group rule ID 'sgr-0123456789abcdef0' "
                + "does not exist", () -> tags.create(context(), List.of(group.id(), "sgr-0123456789abcdef0"),
                List.of(new Tag("k", "v"))));
        assertRefused("InvalidGroup.NotFound", null, () -> tags.create(context(), List.of("sg-0123456789abcdef0"),
                List.of(new Tag("k", "v"))));
        assertRefused("InvalidSecurityGroupRuleId.Malformed", null, () -> tags.create(context(), List.of("sgr-1"),
                List.of(new Tag("k", "v"))));
        assertEquals(List.of(), world.current(group.id()).tags(), "a refused request tags nothing");
    }
}
