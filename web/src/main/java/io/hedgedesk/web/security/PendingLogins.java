package io.hedgedesk.web.security;

import io.hedgedesk.web.config.HedgedeskConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the pending logins of one browser bounded. quarkus-oidc starts a login for every protected page opened while
 * logged out and keeps its state in a cookie of its own ({@code q_auth_…}, ~470 bytes, 5 minutes), so that logins
 * in several tabs each complete; forty such pages made every request too large for the server. When a request
 * carries {@code hedgedesk.oidc.max-pending-logins} of them, the response expires the oldest (browsers send cookies
 * of one path oldest first), leaving room for the one the login about to start adds.
 */
@ApplicationScoped
public class PendingLogins {

    /** The name prefix of quarkus-oidc's state cookies. */
    static final String PREFIX = "q_auth";

    private final int max;
    private final boolean secure;

    PendingLogins(
            HedgedeskConfig config,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
                    boolean secure) {
        this.max = Math.max(1, config.oidc().maxPendingLogins());
        this.secure = secure;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::bound);
    }

    private void bound(RoutingContext context) {
        List<String> pending = names(context.request().getHeader(HttpHeaders.COOKIE));
        for (String name : pending.subList(0, Math.max(0, pending.size() - (max - 1)))) {
            expire(context, name);
        }
        context.next();
    }

    /** Asks the browser to drop the cookie {@code name} (set with path "/" like quarkus-oidc's). */
    void expire(RoutingContext context, String name) {
        context.response()
                .addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setSecure(secure));
    }

    /** The pending-login cookies of a {@code Cookie} header, in the order sent. */
    static List<String> names(String cookieHeader) {
        List<String> names = new ArrayList<>();
        if (cookieHeader != null) {
            for (String pair : cookieHeader.split(";")) {
                String name = pair.strip();
                int eq = name.indexOf('=');
                name = eq < 0 ? name : name.substring(0, eq).strip();
                if (name.startsWith(PREFIX) && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
