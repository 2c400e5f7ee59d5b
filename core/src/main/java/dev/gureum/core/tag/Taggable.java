package dev.gureum.core.tag;

import dev.gureum.core.ids.IdKind;
import dev.gureum.core.store.RecordKind;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of resource that carries tags: how its ids look, where its records are, how to read and
 * replace its tags, and the resource type name EC2 shows in DescribeTags (e.g. "instance").
 */
public record Taggable<T>(IdKind idKind, String resourceType, RecordKind<T> records,
                          Function<T, List<Tag>> tags, BiFunction<T, List<Tag>, T> withTags) {
}
