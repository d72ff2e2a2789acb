package io.hedgedesk.web.security;

import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AbstractSecurityEvent;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Turns what Quarkus sees into {@link SecurityLog} lines: logins and logouts (quarkus-oidc's events), failed
 * authentications such as a callback with a wrong state or code (the security events of quarkus-security), access
 * refused by a permission check, requests refused by quarkus-rest-csrf and rejected input.
 */
@ApplicationScoped
public class SecurityEventLogger {

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    void onOidc(@Observes io.quarkus.oidc.SecurityEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        switch (event.getEventType()) {
            case OIDC_LOGIN -> SecurityLog.info("login", subjectFields(identity));
            case OIDC_LOGOUT_RP_INITIATED -> SecurityLog.info("logout", subjectFields(identity));
            case OIDC_LOGOUT_RP_INITIATED_SESSION_EXPIRED -> SecurityLog.info("logout", "reason", "session-expired");
            case OIDC_BACKCHANNEL_LOGOUT_COMPLETED -> SecurityLog.info("logout", "reason", "backchannel");
            case OIDC_SERVER_NOT_AVAILABLE -> SecurityLog.warn("provider-unavailable");
            default -> {
                // Session refreshes and provider availability coming back are routine.
            }
        }
    }

    void onAuthenticationFailure(@Observes AuthenticationFailureEvent event) {
        if (event.getAuthenticationFailure() instanceof AuthenticationRedirectException) {
            return; // every successful callback ends so: a redirect to the page asked for, without the code in the URL
        }
        // The class name says what failed (state, code exchange, token verification); messages may quote token parts.
        SecurityLog.warn(
                "login-failure",
                "path",
                path(event),
                "reason",
                event.getAuthenticationFailure().getClass().getSimpleName());
    }

    void onAuthorizationFailure(@Observes AuthorizationFailureEvent event) {
        SecurityIdentity identity = event.getSecurityIdentity();
        if (identity == null || identity.isAnonymous()) {
            return; // an anonymous visitor of a page that needs login: sent to log in, nothing to report
        }
        SecurityLog.warn(
                "access-denied",
                "user",
                SecurityLog.who(identity),
                "path",
                path(event),
                "reason",
                event.getAuthorizationFailure().getClass().getSimpleName());
    }

    /**
     * Refused input. quarkus-rest-csrf answers a missing or wrong form token with a bare 400 before any resource runs;
     * every 400 of our own has a body (the form with its messages, or the JSON error naming the field), which is a
     * validation failure. The submitted values are not logged: they are the user's data.
     */
    @ServerResponseFilter
    public void refusedInput(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400) {
            return;
        }
        Principal user = request.getSecurityContext().getUserPrincipal();
        boolean csrf = !response.hasEntity() && !SAFE_METHODS.contains(request.getMethod());
        SecurityLog.warn(
                csrf ? "csrf-failure" : "input-rejected",
                "user",
                user == null ? "anonymous" : user.getName(),
                "method",
                request.getMethod(),
                "path",
                request.getUriInfo().getPath());
    }

    private static Object[] subjectFields(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
            return new Object[] {"user", token.getName(), "iss", token.getIssuer(), "sub", token.getSubject()};
        }
        return new Object[] {"user", SecurityLog.who(identity)};
    }

    private static String path(AbstractSecurityEvent event) {
        return event.getEventProperties().values().stream()
                .filter(RoutingContext.class::isInstance)
                .map(RoutingContext.class::cast)
                .map(RoutingContext::normalizedPath)
                .findFirst()
                .orElse("-");
    }
}
