package io.hedgedesk.persistence;

import io.hedgedesk.domain.team.Role;

/** The user is a member of the object's team, but their role does not allow the change. */
public class RoleRefusedException extends RuntimeException {

    private final Role role;

    public RoleRefusedException(Role role, String action) {
        super("role " + role + " may not " + action);
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
