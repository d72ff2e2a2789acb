package io.hedgedesk.web.error;

import io.hedgedesk.persistence.NotFoundException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.web.security.SecurityLog;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Access failures of team-owned objects: another team's object (or none) is a 404 that reveals nothing; a member
 * whose role does not allow the change gets a 403, and so does anyone but an installation administrator on the routes
 * reserved to them. All are security events ({@link SecurityLog}) with who and what.
 */
public class AccessErrorMapper {

    private final SecurityIdentity identity;
    private final ErrorViewer viewer;

    public AccessErrorMapper(SecurityIdentity identity, ErrorViewer viewer) {
        this.identity = identity;
        this.viewer = viewer;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        // A missing id and another team's id are the same answer on purpose; the log cannot tell them apart either.
        SecurityLog.warn(
                "not-found", "user", SecurityLog.who(identity), "path", uri.getPath(), "detail", e.getMessage());
        return page(
                404, "Not found", "There is nothing here. The page may have moved, or you may not have access to it.");
    }

    @ServerExceptionMapper
    public Response refused(RoleRefusedException e, UriInfo uri) {
        SecurityLog.warn(
                "access-denied",
                "user",
                SecurityLog.who(identity),
                "path",
                uri.getPath(),
                "role",
                e.role(),
                "detail",
                e.getMessage());
        return page(
                403,
                "Not allowed",
                "Your role in this team (" + e.role().label()
                        + ") lets you look but not change anything. Nothing was saved.");
    }

    /**
     * A route for installation administrators ({@code @RolesAllowed}) asked by someone else. quarkus-security has
     * already logged it ({@code access-denied}, through {@code SecurityEventLogger}); nothing of the request was read.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(
                403,
                "Not allowed",
                "Only administrators of this installation may change the market data every team "
                        + "shares (contract marks, history imports, backfills). Nothing was saved.");
    }

    private Response page(int status, String title, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(ErrorMapper.Templates.error(viewer.get(), status, title, message, "")
                        .render())
                .build();
    }
}
