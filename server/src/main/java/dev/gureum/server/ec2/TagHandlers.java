package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.page.Page;
import dev.gureum.core.tag.TagRules;
import dev.gureum.core.tag.TagService;
import dev.gureum.server.dispatch.OperationTable;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.CreateTagsResponse;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsResponse;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** CreateTags, DeleteTags and DescribeTags across every taggable resource. */
final class TagHandlers {
    private final TagService tags;

    TagHandlers(TagService tags) {
        this.tags = tags;
    }

    void registerInto(OperationTable table) {
        table.register(CreateTagsRequest.class, (request, context) -> {
            tags.create(context, request.resources(), Tags.of(request.tags()));
            return CreateTagsResponse.builder().build();
        });
        table.register(DeleteTagsRequest.class, (request, context) -> {
            tags.delete(context, request.resources(), request.tags().stream()
                    .map(tag -> new TagRules.RemovedTag(tag.key(), tag.value())).toList());
            return DeleteTagsResponse.builder().build();
        });
        table.register(DescribeTagsRequest.class, this::describeTags);
    }

    DescribeTagsResponse describeTags(DescribeTagsRequest request, RequestContext context) {
        Page<TagService.ResourceTag> page = tags.describe(context, Filters.of(request.filters()),
                request.maxResults(), request.nextToken());
        return DescribeTagsResponse.builder()
                .tags(page.items().stream().map(tag -> TagDescription.builder().resourceId(tag.resourceId())
                        .resourceType(tag.resourceType()).key(tag.key()).value(tag.value()).build()).toList())
                .nextToken(page.nextToken())
                .build();
    }
}
