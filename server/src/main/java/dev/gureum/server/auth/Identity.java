package dev.gureum.server.auth;

/** The caller of one request: the access key it signed with, its account and the region it signed for. */
public record Identity(String accessKeyId, String account, String region) {
}
