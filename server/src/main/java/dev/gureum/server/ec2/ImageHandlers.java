package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.image.Image;
import dev.gureum.core.image.ImageCapture;
import dev.gureum.core.image.ImageCopy;
import dev.gureum.core.image.ImageQuery;
import dev.gureum.core.image.ImageRegistration;
import dev.gureum.core.image.ImageService;
import dev.gureum.core.image.ImageSourceLookup;
import dev.gureum.core.page.Page;
import dev.gureum.server.dispatch.OperationTable;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CopyImageRequest;
import software.amazon.awssdk.services.ec2.model.CopyImageResponse;
import software.amazon.awssdk.services.ec2.model.CreateImageRequest;
import software.amazon.awssdk.services.ec2.model.CreateImageResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSnapshotReturnCode;
import software.amazon.awssdk.services.ec2.model.DeregisterImageRequest;
import software.amazon.awssdk.services.ec2.model.DeregisterImageResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DisableImageDeprecationRequest;
import software.amazon.awssdk.services.ec2.model.DisableImageDeprecationResponse;
import software.amazon.awssdk.services.ec2.model.EnableImageDeprecationRequest;
import software.amazon.awssdk.services.ec2.model.EnableImageDeprecationResponse;
import software.amazon.awssdk.services.ec2.model.RegisterImageRequest;
import software.amazon.awssdk.services.ec2.model.RegisterImageResponse;

/**
 * DescribeImages, RegisterImage, CreateImage, CopyImage, DeregisterImage and Enable/DisableImageDeprecation; the
 * attribute operations
 * live in {@link ImageAttributeHandlers}. CreateImage finds its instance through the lookup it is given.
 */
final class ImageHandlers {
    private final ImageService images;
    private final ImageSourceLookup instances;

    ImageHandlers(ImageService images, ImageSourceLookup instances) {
        this.images = images;
        this.instances = instances;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeImagesRequest.class, this::describeImages);
        table.register(RegisterImageRequest.class, this::registerImage);
        table.register(CreateImageRequest.class, this::createImage);
        table.register(CopyImageRequest.class, this::copyImage);
        table.register(DeregisterImageRequest.class, this::deregisterImage);
        table.register(EnableImageDeprecationRequest.class, (request, context) -> {
            images.deprecate(context, request.imageId(), request.deprecateAt());
            return EnableImageDeprecationResponse.builder().returnValue(true).build();
        });
        table.register(DisableImageDeprecationRequest.class, (request, context) -> {
            images.deprecate(context, request.imageId(), null);
            return DisableImageDeprecationResponse.builder().returnValue(true).build();
        });
        new ImageAttributeHandlers(images.attributes()).registerInto(table);
    }

    /** IncludeDisabled changes nothing: Gureum has no DisableImage, so no image is ever disabled. */
    DescribeImagesResponse describeImages(DescribeImagesRequest request, RequestContext context) {
        Page<Image> page = images.describe(context, new ImageQuery(request.imageIds(), request.owners(),
                request.executableUsers(), Filters.of(request.filters()),
                Boolean.TRUE.equals(request.includeDeprecated()), request.maxResults(), request.nextToken()));
        return DescribeImagesResponse.builder()
                .images(page.items().stream().map(image -> ImageShapes.image(image, context.now())).toList())
                .nextToken(page.nextToken())
                .build();
    }

    RegisterImageResponse registerImage(RegisterImageRequest request, RequestContext context) {
        if (!request.billingProducts().isEmpty()) {
            throw Ec2Error.UNSUPPORTED.exception("BillingProducts are for AWS Marketplace sellers; Gureum has none.");
        }
        Image image = images.register(context, new ImageRegistration(request.name(), request.description(),
                request.imageLocation(), request.architectureAsString(), request.rootDeviceName(),
                ImageShapes.devices(request.blockDeviceMappings()), request.virtualizationType(), request.enaSupport(),
                request.sriovNetSupport(), request.bootModeAsString(), request.imdsSupportAsString(),
                request.tpmSupportAsString(), request.kernelId(), request.ramdiskId(),
                Tags.forCreation(request.tagSpecifications(), "image")));
        return RegisterImageResponse.builder().imageId(image.id()).build();
    }

    CreateImageResponse createImage(CreateImageRequest request, RequestContext context) {
        Tags.requireWellFormed(request.tagSpecifications(), "image", "snapshot");
        Image image = images.create(context, request.instanceId(), instances, new ImageCapture(request.name(),
                request.description(), Boolean.TRUE.equals(request.noReboot()),
                ImageShapes.devices(request.blockDeviceMappings()),
                Tags.forResourceType(request.tagSpecifications(), "image"),
                Tags.forResourceType(request.tagSpecifications(), "snapshot")));
        return CreateImageResponse.builder().imageId(image.id()).build();
    }

    CopyImageResponse copyImage(CopyImageRequest request, RequestContext context) {
        if (request.kmsKeyId() != null || request.destinationOutpostArn() != null
                || request.destinationAvailabilityZone() != null || request.destinationAvailabilityZoneId() != null) {
            throw Ec2Error.UNSUPPORTED.exception("Gureum copies images between regions with the default key only: "
                    + "KmsKeyId, DestinationOutpostArn and destination zones are not supported.");
        }
        Tags.requireWellFormed(request.tagSpecifications(), "image", "snapshot");
        Image image = images.copy(context, new ImageCopy(request.sourceRegion(), request.sourceImageId(),
                request.name(), request.description(), Boolean.TRUE.equals(request.encrypted()),
                Boolean.TRUE.equals(request.copyImageTags()), request.clientToken(),
                Tags.forResourceType(request.tagSpecifications(), "image"),
                Tags.forResourceType(request.tagSpecifications(), "snapshot")));
        return CopyImageResponse.builder().imageId(image.id()).build();
    }

    DeregisterImageResponse deregisterImage(DeregisterImageRequest request, RequestContext context) {
        Map<String, String> deleted = images.deregister(context, request.imageId(),
                Boolean.TRUE.equals(request.deleteAssociatedSnapshots()));
        return DeregisterImageResponse.builder().returnValue(true)
                .deleteSnapshotResults(deleted.entrySet().stream().map(result -> DeleteSnapshotReturnCode.builder()
                        .snapshotId(result.getKey()).returnCode(result.getValue()).build()).toList())
                .build();
    }
}
