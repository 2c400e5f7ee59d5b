package dev.gureum.server.ec2;

import dev.gureum.core.RequestContext;
import dev.gureum.core.error.Ec2Error;
import dev.gureum.core.image.Image;
import dev.gureum.core.image.ImageAttributeName;
import dev.gureum.core.image.ImageAttributes;
import dev.gureum.core.share.PermissionChange;
import dev.gureum.server.dispatch.OperationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.LaunchPermission;
import software.amazon.awssdk.services.ec2.model.ModifyImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ResetImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ResetImageAttributeResponse;

/**
 * DescribeImageAttribute, ModifyImageAttribute and ResetImageAttribute. ModifyImageAttribute names its
 * one attribute either with the structured members (Description, ImdsSupport, LaunchPermission) or with
 * the older Attribute + Value / OperationType + UserIds + UserGroups form; both arrive here.
 */
final class ImageAttributeHandlers {
    private final ImageAttributes attributes;

    ImageAttributeHandlers(ImageAttributes attributes) {
        this.attributes = attributes;
    }

    void registerInto(OperationTable table) {
        table.register(DescribeImageAttributeRequest.class, this::describeImageAttribute);
        table.register(ModifyImageAttributeRequest.class, this::modifyImageAttribute);
        table.register(ResetImageAttributeRequest.class, this::resetImageAttribute);
    }

    DescribeImageAttributeResponse describeImageAttribute(DescribeImageAttributeRequest request,
                                                          RequestContext context) {
        ImageAttributeName attribute = ImageAttributeName.of(request.attributeAsString());
        Image image = attributes.describe(context, request.imageId());
        DescribeImageAttributeResponse.Builder response = DescribeImageAttributeResponse.builder().imageId(image.id());
        switch (attribute) {
            case DESCRIPTION -> response.description(value(image.description()));
            case KERNEL -> response.kernelId(value(image.kernelId()));
            case RAMDISK -> response.ramdiskId(value(image.ramdiskId()));
            case LAUNCH_PERMISSION -> response.launchPermissions(launchPermissions(image));
            case PRODUCT_CODES -> response.productCodes(List.of());
            case BLOCK_DEVICE_MAPPING -> response.blockDeviceMappings(ImageShapes.mappings(image.blockDevices()));
            case SRIOV_NET_SUPPORT -> response.sriovNetSupport(value(image.sriovNetSupport()));
            case BOOT_MODE -> response.bootMode(value(image.bootMode()));
            case TPM_SUPPORT -> response.tpmSupport(value(image.tpmSupport()));
            case UEFI_DATA -> response.uefiData(value(null));
            case LAST_LAUNCHED_TIME -> response.lastLaunchedTime(value(null));
            case IMDS_SUPPORT -> response.imdsSupport(value(image.imdsSupport()));
            case DEREGISTRATION_PROTECTION -> response.deregistrationProtection(value("disabled"));
        }
        return response.build();
    }

    ModifyImageAttributeResponse modifyImageAttribute(ModifyImageAttributeRequest request, RequestContext context) {
        if (!request.organizationArns().isEmpty() || !request.organizationalUnitArns().isEmpty()
                || !request.productCodes().isEmpty()) {
            throw Ec2Error.UNSUPPORTED.exception("Gureum has no AWS Organizations and no product codes.");
        }
        switch (attributeNamed(request)) {
            case "description" -> attributes.modifyDescription(context, request.imageId(),
                    request.description() != null ? request.description().value() : request.value());
            case "imdsSupport" -> attributes.modifyImdsSupport(context, request.imageId(),
                    request.imdsSupport() != null ? request.imdsSupport().value() : request.value());
            case "launchPermission" -> attributes.modifyLaunchPermission(context, request.imageId(),
                    launchPermissionChange(request));
            default -> throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + request.attribute()
                    + ") for parameter attribute is invalid. Valid values: description, imdsSupport, launchPermission.");
        }
        return ModifyImageAttributeResponse.builder().build();
    }

    ResetImageAttributeResponse resetImageAttribute(ResetImageAttributeRequest request, RequestContext context) {
        attributes.reset(context, request.imageId(), ImageAttributeName.of(request.attributeAsString()));
        return ResetImageAttributeResponse.builder().build();
    }

    /** The Attribute member, or the one attribute the structured members name. */
    private static String attributeNamed(ModifyImageAttributeRequest request) {
        if (request.attribute() != null) {
            return request.attribute();
        }
        List<String> named = Stream.of(
                        request.description() != null ? "description" : null,
                        request.imdsSupport() != null ? "imdsSupport" : null,
                        request.launchPermission() != null ? "launchPermission" : null)
                .filter(Objects::nonNull).toList();
        if (named.size() != 1) {
            throw named.isEmpty()
                    ? Ec2Error.MISSING_PARAMETER.exception("The request must contain the parameter Attribute "
                            + "or one of Description, ImdsSupport and LaunchPermission.")
                    : Ec2Error.INVALID_PARAMETER_COMBINATION.exception("Only one attribute can be modified at a time.");
        }
        return named.get(0);
    }

    private static PermissionChange launchPermissionChange(ModifyImageAttributeRequest request) {
        if (request.launchPermission() != null) {
            List<LaunchPermission> add = request.launchPermission().add();
            List<LaunchPermission> remove = request.launchPermission().remove();
            if (Stream.concat(add.stream(), remove.stream()).anyMatch(permission ->
                    permission.organizationArn() != null || permission.organizationalUnitArn() != null)) {
                throw Ec2Error.UNSUPPORTED.exception("Gureum has no AWS Organizations.");
            }
            return new PermissionChange(userIds(add), userIds(remove), groups(add), groups(remove));
        }
        return PermissionChange.ofOperation(request.operationTypeAsString(), request.userIds(), request.userGroups());
    }

    private static List<String> userIds(List<LaunchPermission> permissions) {
        return permissions.stream().map(LaunchPermission::userId).filter(Objects::nonNull).toList();
    }

    private static List<String> groups(List<LaunchPermission> permissions) {
        return permissions.stream().map(LaunchPermission::groupAsString).filter(Objects::nonNull).toList();
    }

    private static List<LaunchPermission> launchPermissions(Image image) {
        List<LaunchPermission> permissions = new ArrayList<>();
        if (image.isPublic()) {
            permissions.add(LaunchPermission.builder().group("all").build());
        }
        image.launchUserIds().forEach(user -> permissions.add(LaunchPermission.builder().userId(user).build()));
        return permissions;
    }

    private static AttributeValue value(String value) {
        return AttributeValue.builder().value(value).build();
    }
}
