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
    SNAPSHOT_ID_MALFORMED("InvalidSnapshotID.Malformed", 400),
    SNAPSHOT_ID_NOT_FOUND("InvalidSnapshot.NotFound", 400),
    SNAPSHOT_IN_USE("InvalidSnapshot.InUse", 400),
    SECURITY_GROUP_ID_MALFORMED("InvalidGroupId.Malformed", 400),
    SECURITY_GROUP_ID_NOT_FOUND("InvalidGroup.NotFound", 400),
    SUBNET_ID_MALFORMED("InvalidSubnetID.Malformed", 400),
    SUBNET_ID_NOT_FOUND("InvalidSubnetID.NotFound", 400),
    VPC_ID_MALFORMED("InvalidVpcId.Malformed", 400),
    VPC_ID_NOT_FOUND("InvalidVpcID.NotFound", 400),
    NETWORK_INTERFACE_ID_MALFORMED("InvalidNetworkInterfaceId.Malformed", 400),
    NETWORK_INTERFACE_ID_NOT_FOUND("InvalidNetworkInterfaceID.NotFound", 400),
    ATTACHMENT_ID_MALFORMED("InvalidNetworkInterfaceAttachmentId.Malformed", 400),
    ATTACHMENT_ID_NOT_FOUND("InvalidAttachmentID.NotFound", 400),
    INTERNET_GATEWAY_ID_MALFORMED("InvalidInternetGatewayId.Malformed", 400),
    INTERNET_GATEWAY_ID_NOT_FOUND("InvalidInternetGatewayID.NotFound", 400),
    ROUTE_TABLE_ID_MALFORMED("InvalidRouteTableId.Malformed", 400),
    ROUTE_TABLE_ID_NOT_FOUND("InvalidRouteTableID.NotFound", 400),
    NETWORK_ACL_ID_MALFORMED("InvalidNetworkAclId.Malformed", 400),
    NETWORK_ACL_ID_NOT_FOUND("InvalidNetworkAclID.NotFound", 400),
    DHCP_OPTIONS_ID_MALFORMED("InvalidDhcpOptionsId.Malformed", 400),
    DHCP_OPTIONS_ID_NOT_FOUND("InvalidDhcpOptionID.NotFound", 400),
    ASSOCIATION_ID_NOT_FOUND("InvalidAssociationID.NotFound", 400),
    SECURITY_GROUP_RULE_ID_MALFORMED("InvalidSecurityGroupRuleId.Malformed", 400),
    SECURITY_GROUP_RULE_ID_NOT_FOUND("InvalidSecurityGroupRuleId.NotFound", 400),
    PREFIX_LIST_ID_MALFORMED("InvalidPrefixListId.Malformed", 400),
    PREFIX_LIST_ID_NOT_FOUND("InvalidPrefixListID.NotFound", 400),
    ALLOCATION_ID_NOT_FOUND("InvalidAllocationID.NotFound", 400),
    INVALID_VPC_RANGE("InvalidVpc.Range", 400),
    INVALID_SUBNET_RANGE("InvalidSubnet.Range", 400),
    INVALID_SUBNET_CONFLICT("InvalidSubnet.Conflict", 400),
    DEPENDENCY_VIOLATION("DependencyViolation", 400),
    CANNOT_DELETE("CannotDelete", 400),
    INVALID_GROUP_DUPLICATE("InvalidGroup.Duplicate", 400),
    INVALID_GROUP_RESERVED("InvalidGroup.Reserved", 400),
    INVALID_GROUP_IN_USE("InvalidGroup.InUse", 400),
    INVALID_PERMISSION_DUPLICATE("InvalidPermission.Duplicate", 400),
    INVALID_PERMISSION_NOT_FOUND("InvalidPermission.NotFound", 400),
    INVALID_PERMISSION_MALFORMED("InvalidPermission.Malformed", 400),
    RULES_PER_SECURITY_GROUP_LIMIT_EXCEEDED("RulesPerSecurityGroupLimitExceeded", 400),
    SECURITY_GROUPS_PER_INTERFACE_LIMIT_EXCEEDED("SecurityGroupsPerInterfaceLimitExceeded", 400),
    SECURITY_GROUP_LIMIT_EXCEEDED("SecurityGroupLimitExceeded", 400),
    VPC_LIMIT_EXCEEDED("VpcLimitExceeded", 400),
    SUBNET_LIMIT_EXCEEDED("SubnetLimitExceeded", 400),
    INTERNET_GATEWAY_LIMIT_EXCEEDED("InternetGatewayLimitExceeded", 400),
    ADDRESS_LIMIT_EXCEEDED("AddressLimitExceeded", 400),
    INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET("InsufficientFreeAddressesInSubnet", 400),
    INVALID_IP_ADDRESS_IN_USE("InvalidIPAddress.InUse", 400),
    PRIVATE_IP_ADDRESS_LIMIT_EXCEEDED("PrivateIpAddressLimitExceeded", 400),
    RESOURCE_ALREADY_ASSOCIATED("Resource.AlreadyAssociated", 400),
    GATEWAY_NOT_ATTACHED("Gateway.NotAttached", 400),
    ROUTE_ALREADY_EXISTS("RouteAlreadyExists", 400),
    ROUTE_LIMIT_EXCEEDED("RouteLimitExceeded", 400),
    NETWORK_ACL_ENTRY_LIMIT_EXCEEDED("NetworkAclEntryLimitExceeded", 400),
    INVALID_ROUTE_NOT_FOUND("InvalidRoute.NotFound", 400),
    NETWORK_ACL_ENTRY_ALREADY_EXISTS("NetworkAclEntryAlreadyExists", 400),
    INVALID_NETWORK_ACL_ENTRY_NOT_FOUND("InvalidNetworkAclEntry.NotFound", 400),
    INVALID_ADDRESS_NOT_FOUND("InvalidAddress.NotFound", 400),
    INVALID_NETWORK_INTERFACE_IN_USE("InvalidNetworkInterface.InUse", 400),
    ATTACHMENT_LIMIT_EXCEEDED("AttachmentLimitExceeded", 400),
    DEFAULT_VPC_ALREADY_EXISTS("DefaultVpcAlreadyExists", 400),
    DEFAULT_VPC_DOES_NOT_EXIST("DefaultVpcDoesNotExist", 400),
    VPC_ID_NOT_SPECIFIED("VPCIdNotSpecified", 400),
    MISSING_INPUT("MissingInput", 400),
    INVALID_PARAMETER_DEPENDENCY("InvalidParameterDependency", 400),
    VOLUME_IN_USE("VolumeInUse", 400),
    VOLUME_ZONE_MISMATCH("InvalidVolume.ZoneMismatch", 400),
    INCORRECT_MODIFICATION_STATE("IncorrectModificationState", 400),
    VOLUME_MODIFICATION_RATE_EXCEEDED("VolumeModificationRateExceeded", 400),
    INVALID_ATTACHMENT_NOT_FOUND("InvalidAttachment.NotFound", 400),
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
    INSUFFICIENT_VOLUME_CAPACITY("InsufficientVolumeCapacity", 500),
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
    INSUFFICIENT_ADDRESS_CAPACITY("InsufficientAddressCapacity", 500),
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
