package dev.gureum.server.sns;

import dev.gureum.core.RequestContext;
import dev.gureum.core.page.Page;
import dev.gureum.core.sns.Topic;
import dev.gureum.core.sns.TopicService;
import dev.gureum.core.sns.TopicTags;
import dev.gureum.core.tag.Tag;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.sns.model.CreateTopicRequest;
import software.amazon.awssdk.services.sns.model.CreateTopicResponse;
import software.amazon.awssdk.services.sns.model.DeleteTopicRequest;
import software.amazon.awssdk.services.sns.model.DeleteTopicResponse;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.sns.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.sns.model.ListTopicsResponse;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.SetTopicAttributesResponse;
import software.amazon.awssdk.services.sns.model.TagResourceRequest;
import software.amazon.awssdk.services.sns.model.TagResourceResponse;
import software.amazon.awssdk.services.sns.model.UntagResourceRequest;
import software.amazon.awssdk.services.sns.model.UntagResourceResponse;

/**
 * CreateTopic, DeleteTopic, ListTopics, GetTopicAttributes, SetTopicAttributes, and a topic's tags: TagResource,
 * UntagResource and ListTagsForResource.
 */
final class TopicHandlers {
    private final TopicService topics;
    private final TopicTags tags;

    TopicHandlers(TopicService topics, TopicTags tags) {
        this.topics = topics;
        this.tags = tags;
    }

    void registerInto(OperationTable table) {
        table.register(CreateTopicRequest.class, this::create);
        table.register(DeleteTopicRequest.class, this::delete);
        table.register(ListTopicsRequest.class, this::list);
        table.register(GetTopicAttributesRequest.class, this::attributes);
        table.register(SetTopicAttributesRequest.class, this::setAttribute);
        table.register(TagResourceRequest.class, this::tag);
        table.register(UntagResourceRequest.class, this::untag);
        table.register(ListTagsForResourceRequest.class, this::listTags);
    }

    CreateTopicResponse create(CreateTopicRequest request, RequestContext context) {
        String arn = topics.create(context, request.name(), request.attributes(),
                request.tags().stream().map(tag -> new Tag(tag.key(), tag.value())).toList());
        return CreateTopicResponse.builder().topicArn(arn).build();
    }

    DeleteTopicResponse delete(DeleteTopicRequest request, RequestContext context) {
        topics.delete(context, request.topicArn());
        return DeleteTopicResponse.builder().build();
    }

    ListTopicsResponse list(ListTopicsRequest request, RequestContext context) {
        Page<Topic> page = topics.list(context, request.nextToken());
        return ListTopicsResponse.builder()
                .topics(page.items().stream().map(topic -> software.amazon.awssdk.services.sns.model.Topic.builder()
                        .topicArn(topic.arn()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }

    GetTopicAttributesResponse attributes(GetTopicAttributesRequest request, RequestContext context) {
        return GetTopicAttributesResponse.builder().attributes(topics.attributes(context, request.topicArn())).build();
    }

    SetTopicAttributesResponse setAttribute(SetTopicAttributesRequest request, RequestContext context) {
        topics.setAttribute(context, request.topicArn(), request.attributeName(), request.attributeValue());
        return SetTopicAttributesResponse.builder().build();
    }

    TagResourceResponse tag(TagResourceRequest request, RequestContext context) {
        tags.tag(context, request.resourceArn(), request.tags().stream().map(tag -> new Tag(tag.key(), tag.value()))
                .toList());
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest request, RequestContext context) {
        tags.untag(context, request.resourceArn(), request.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTags(ListTagsForResourceRequest request, RequestContext context) {
        return ListTagsForResourceResponse.builder()
                .tags(tags.list(context, request.resourceArn()).stream()
                        .map(tag -> software.amazon.awssdk.services.sns.model.Tag.builder().key(tag.key())
                                .value(tag.value()).build()).toList())
                .build();
    }
}
