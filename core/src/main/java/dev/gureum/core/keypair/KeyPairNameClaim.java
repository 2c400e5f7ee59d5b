package dev.gureum.core.keypair;

/**
 * The record that reserves a key name within an account and region (stored under the name as its id),
 * so that two concurrent creates of one name cannot both commit: the second finds the claim present.
 */
record KeyPairNameClaim(String keyPairId) {
}
