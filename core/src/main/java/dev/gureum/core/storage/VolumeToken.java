package dev.gureum.core.storage;

/**
 * What a CreateVolume with a ClientToken made: the volume, and the request it was made for (its parameters as
 * text), so a retry with the same token answers the same volume and one with other parameters is refused.
 */
public record VolumeToken(String volumeId, String request) {
}
