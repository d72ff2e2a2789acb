package io.hedgedesk.web.user;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the user of this request administers the installation: a role of the OpenID provider (a Keycloak realm
 * role, in the ID token's {@code groups} claim), not a team role. Only administrators write installation-wide market
 * data (contract marks, history imports, backfills); the routes that do are annotated
 * {@code @RolesAllowed(InstallationAdmin.ROLE)}, and pages ask {@link #isAdmin()} to hide their forms.
 */
@RequestScoped
public class InstallationAdmin {

    /** The role, as a configuration expression for {@code @RolesAllowed}. */
    public static final String ROLE = "${hedgedesk.admin-role}";

    private final SecurityIdentity identity;
    private final String role;

    public InstallationAdmin(SecurityIdentity identity, HedgedeskConfig config) {
        this.identity = identity;
        this.role = config.adminRole();
    }

    public boolean isAdmin() {
        return !identity.isAnonymous() && identity.hasRole(role);
    }
}
