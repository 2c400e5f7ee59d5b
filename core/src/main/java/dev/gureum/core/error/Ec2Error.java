package dev.gureum.core.error;

/** EC2's error codes, exactly as EC2 spells them, with their HTTP status. The one place they are listed. */
public enum Ec2Error implements ErrorCode {
    DRY_RUN_OPERATION("DryRunOperation", 412),
    INSTANCE_ID_MALFORMED("InvalidInstanceID.Malformed", 400),
    INSTANCE_ID_NOT_FOUND("InvalidInstanceID.NotFound", 400),
    RESERVATION_ID_MALFORMED("InvalidReservationID.Malformed", 400),
    RESERVATION_ID_NOT_FOUND("InvalidReservationID.NotFound", 400),
    IMAGE_ID_MALFORMED("InvalidAMIID.Malformed", 400),
    IMAGE_ID_NOT_FOUND("InvalidAMIID.NotFound", 400),
    KEY_PAIR_ID_MALFORMED("InvalidKeyPair.Malformed", 400),
    KEY_PAIR_ID_NOT_FOUND("InvalidKeyPair.NotFound", 400),
    VOLUME_ID_MALFORMED("InvalidVolume.Malformed", 400),
    VOLUME_ID_NOT_FOUND("InvalidVolume.NotFound", 400),
    SNAPSHOT_ID_MALFORMED("InvalidSnapshot.Malformed", 400),
    SNAPSHOT_ID_NOT_FOUND("InvalidSnapshot.NotFound", 400),
    SECURITY_GROUP_ID_MALFORMED("InvalidGroup.Malformed", 400),
    SECURITY_GROUP_ID_NOT_FOUND("InvalidGroup.NotFound", 400),
    SUBNET_ID_MALFORMED("InvalidSubnetID.Malformed", 400),
    SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound", 400),
    VPC_ID_MALFORMED("InvalidVpcID.Malformed", 400),
    VPC_ID_NOT_FOUND("InvalidVpcID.NotFound", 400),
    NETWORK_INTERFACE_ID_MALFORMED("InvalidNetworkInterfaceID.Malformed", 400),
    NETWORK_INTERFACE_ID_NOT_FOUND("InvalidNetworkInterfaceID.NotFound", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    INVALID_PARAMETER_COMBINATION("InvalidParameterCombination", 400),
    INVALID_PARAMETER("InvalidParameter", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_FILTER("InvalidFilter", 400),
    INVALID_PAGINATION_TOKEN("InvalidPaginationToken", 400),
    UNSUPPORTED_OPERATION("UnsupportedOperation", 400),
    TAG_LIMIT_EXCEEDED("TagLimitExceeded", 400),
    INCORRECT_INSTANCE_STATE("IncorrectInstanceState", 400),
    INCORRECT_STATE("IncorrectState", 400),
    OPERATION_NOT_PERMITTED("OperationNotPermitted", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("IdempotentParameterMismatch", 400),
    INSTANCE_LIMIT_EXCEEDED("InstanceLimitExceeded", 400),
    INSUFFICIENT_INSTANCE_CAPACITY("InsufficientInstanceCapacity", 500),
    UNSUPPORTED("Unsupported", 400),
    INVALID_KEY_PAIR_DUPLICATE("InvalidKeyPair.Duplicate", 400),
    INVALID_KEY_FORMAT("InvalidKey.Format", 400),
    INVALID_AMI_ID_UNAVAILABLE("InvalidAMIID.Unavailable", 400),
    INVALID_AMI_NAME_DUPLICATE("InvalidAMIName.Duplicate", 400),
    INVALID_AMI_NAME_MALFORMED("InvalidAMIName.Malformed", 400),
    INVALID_INSTANCE_ATTRIBUTE_VALUE("InvalidInstanceAttributeValue", 400),
    INVALID_USER_ID_MALFORMED("InvalidUserID.Malformed", 400),
    INVALID_INSTANCE_TYPE("InvalidInstanceType", 400),
    AUTH_FAILURE("AuthFailure", 400),
    INVALID_BLOCK_DEVICE_MAPPING("InvalidBlockDeviceMapping", 400),
    INTERNAL_ERROR("InternalError", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private final String code;
    private final int httpStatus;

    Ec2Error(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    public CloudException exception(String message) {
        return new CloudException(this, message);
    }
}
