package dev.gureum.protocol.model;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One operation of a service model: its name, its request and response classes and a source of
 * fresh request builders (which the decoders fill field by field).
 */
public record Operation(String name, Class<? extends SdkPojo> requestType, Class<? extends SdkPojo> responseType,
                        Supplier<SdkPojo> requestBuilders) {
}
