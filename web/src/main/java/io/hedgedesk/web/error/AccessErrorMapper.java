package io.hedgedesk.web.error;

import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Access failures of team-owned objects: another team's object (or none) is a 404 that reveals nothing; a member
 * whose role does not allow the change gets a 403. Both are logged with who and what.
 */
public class AccessErrorMapper {

  private static final Logger LOG = Logger.getLogger(AccessErrorMapper.class);

  private final SecurityIdentity identity;

  public AccessErrorMapper(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e, UriInfo uri) {
    LOG.warnf("Not found or not in the user's teams: %s by %s (%s)", ErrorMapper.sanitize(uri.getPath()),
        who(), ErrorMapper.sanitize(e.getMessage()));
    return page(404, "Not found",
        "There is nothing here. The page may have moved, or you may not have access to it.");
  }

  @ServerExceptionMapper
  public Response refused(RoleRefusedException e, UriInfo uri) {
    LOG.warnf("Refused by role: %s by %s (%s)", ErrorMapper.sanitize(uri.getPath()), who(),
        ErrorMapper.sanitize(e.getMessage()));
    return page(403, "Not allowed",
        "Your role in this team (" + e.role().label() + ") lets you look but not change anything. Nothing was saved.");
  }

  private String who() {
    return identity.isAnonymous() ? "anonymous" : ErrorMapper.sanitize(identity.getPrincipal().getName());
  }

  private static Response page(int status, String title, String message) {
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
        .entity(ErrorMapper.Templates.error(Viewer.ANONYMOUS, status, title, message, "").render()).build();
  }
}
