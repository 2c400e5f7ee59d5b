package dev.gureum.core.image;

import dev.gureum.core.error.Ec2Error;

/** The attributes DescribeImageAttribute answers, with their wire names. */
public enum ImageAttributeName {
    DESCRIPTION("description"),
    KERNEL("kernel"),
    RAMDISK("ramdisk"),
    LAUNCH_PERMISSION("launchPermission"),
    PRODUCT_CODES("productCodes"),
    BLOCK_DEVICE_MAPPING("blockDeviceMapping"),
    SRIOV_NET_SUPPORT("sriovNetSupport"),
    BOOT_MODE("bootMode"),
    TPM_SUPPORT("tpmSupport"),
    UEFI_DATA("uefiData"),
    LAST_LAUNCHED_TIME("lastLaunchedTime"),
    IMDS_SUPPORT("imdsSupport"),
    DEREGISTRATION_PROTECTION("deregistrationProtection");

    private final String wireName;

    ImageAttributeName(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ImageAttributeName of(String wireName) {
        for (ImageAttributeName name : values()) {
            if (name.wireName.equals(wireName)) {
                return name;
            }
        }
        throw Ec2Error.INVALID_PARAMETER_VALUE.exception("Value (" + wireName
                + ") for parameter attribute is invalid. Unknown attribute.");
    }
}
