package io.hedgedesk.web.security;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.error.ErrorMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A request whose headers are too large (a browser that has gathered too many or too large cookies for this site) is
 * answered with a page that says what to do, status 431, instead of the HTTP server's empty 431. The server itself
 * accepts headers up to {@code quarkus.http.limits.max-header-size}; this route, right after the security headers'
 * one and before authentication, refuses them from {@code hedgedesk.http.max-header-bytes}, the server's former
 * limit. The answer also expires the browser's pending-login cookies ({@link PendingLogins}: logins started and
 * never finished, the usual cause), so that a reload may be enough.
 */
@ApplicationScoped
public class OversizedHeaders {

    static final int STATUS = 431;
    static final String TITLE = "Request header fields too large";
    static final String MESSAGE = "Your browser sent more cookies for this site than it accepts. Clear this site's"
            + " cookies (in the browser's settings: cookies and site data of this address), then reload the page. Pending"
            + " logins have been cleared already, so reloading may be enough.";
    private static final Logger LOG = Logger.getLogger(OversizedHeaders.class);

    private final int limit;
    private final PendingLogins pendingLogins;

    OversizedHeaders(HedgedeskConfig config, PendingLogins pendingLogins) {
        this.limit = config.http().maxHeaderBytes();
        this.pendingLogins = pendingLogins;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4; // "name: value\r\n"
        }
        if (size <= limit) {
            context.next();
            return;
        }
        LOG.infof(
                "Request headers of %d bytes (limit %d) on %s: answered 431",
                size, limit, context.normalizedPath().replaceAll("[\\r\\n\\t]", "_"));
        PendingLogins.names(request.getHeader(HttpHeaders.COOKIE)).forEach(name -> pendingLogins.expire(context, name));
        boolean json = context.normalizedPath().startsWith("/api/")
                || String.valueOf(request.getHeader(HttpHeaders.ACCEPT)).startsWith("application/json");
        String body = json
                ? new JsonObject()
                        .put("status", STATUS)
                        .put("error", TITLE)
                        .put("message", MESSAGE)
                        .encode()
                : ErrorMapper.page(STATUS, TITLE, MESSAGE);
        context.response()
                .setStatusCode(STATUS)
                .putHeader(HttpHeaders.CONTENT_TYPE, json ? "application/json" : "text/html;charset=UTF-8")
                .end(body);
    }
}
