package dev.gureum.core.network;

import dev.gureum.core.RequestContext;

/**
 * What else holds on to a security group: DeleteSecurityGroup refuses a group in use with
 * {@code DependencyViolation}. Network interfaces implement it (a group is in use while an interface,
 * and so an instance, has it); the service sees only this question.
 */
@FunctionalInterface
public interface SecurityGroupUsers {
    /** The answer while nothing but security groups can use a group: no interface ever holds one. */
    SecurityGroupUsers NONE = (context, groupId) -> false;

    /** Whether anything in the caller's account and region uses the group. */
    boolean uses(RequestContext context, String groupId);
}
