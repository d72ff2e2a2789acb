package io.hedgedesk.web.user;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

  public InstallationAdmin(SecurityIdentity identity, @ConfigProperty(name = "hedgedesk.admin-role") String role) {
    this.identity = identity;
    this.role = role;
  }

  public boolean isAdmin() {
    return !identity.isAnonymous() && identity.hasRole(role);
  }
}
