package io.hedgedesk.web.error;

import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is looking at an error page, so its header shows the logged-in state like every other page (a member refused
 * a change is still logged in, not offered "Log in"). It never reads the database, and offers the logout form only
 * when this request has its CSRF token (an error answered before the resource was reached has none).
 */
@ApplicationScoped
class ErrorViewer {

    /** Where quarkus-rest-csrf keeps the request's token, which {@code inject:csrf.token} of the layout reads. */
    private static final String CSRF_TOKEN_KEY = "csrf_token";

    private final CurrentUser currentUser;
    private final RoutingContext request;

    ErrorViewer(CurrentUser currentUser, RoutingContext request) {
        this.currentUser = currentUser;
        this.request = request;
    }

    Viewer get() {
        try {
            Viewer viewer = currentUser.viewerFromSession();
            return request.get(CSRF_TOKEN_KEY) != null ? viewer : viewer.withoutLogoutForm();
        } catch (RuntimeException noRequestOrIdentity) {
            // The error page must render whatever went wrong; anonymous is the safe header.
            return Viewer.ANONYMOUS;
        }
    }
}
