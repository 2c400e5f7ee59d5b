package dev.gureum.core.image;

import java.util.Optional;

/** Finds an account's instance in a region for CreateImage; the instance side implements it. */
@FunctionalInterface
public interface ImageSourceLookup {

    Optional<ImageSource> find(String account, String region, String instanceId);
}
