package io.hedgedesk.web.security;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts {@link SecurityHeaders} on every response of the application port. The route runs first of all (before the
 * body handler, authentication and the OIDC redirect) and only registers a headers-end hook, so the headers are set
 * at the moment the response is written, whoever writes it: a resource, the static files, the OIDC login or
 * logout redirect, the exception mappers or Quarkus's own failure handler.
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    private final SecurityHeaders headers;

    SecurityHeadersFilter(
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> tokenIssuer,
            HedgedeskConfig config) {
        this.headers = SecurityHeaders.forProvider(
                authServerUrl, tokenIssuer, config.http().hsts());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> headers.forPath(context.normalizedPath())
                .forEach(context.response().headers()::set));
        context.next();
    }
}
