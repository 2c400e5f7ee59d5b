package dev.gureum.protocol;

import software.amazon.awssdk.core.SdkPojo;

/** A decoded request: the operation's name (e.g. {@code DescribeRegions}) and its typed SDK input. */
public record Call(String operation, SdkPojo input) {
}
