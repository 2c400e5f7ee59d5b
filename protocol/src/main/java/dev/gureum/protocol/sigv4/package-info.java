/**
 * AWS Signature Version 4 on the server side: read the credential scope a request claims (to route by
 * service), then verify header-signed and presigned-query requests against a {@link
 * dev.gureum.protocol.sigv4.CredentialSource}.
 */
package dev.gureum.protocol.sigv4;
