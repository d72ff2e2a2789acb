package io.hedgedesk.web.security;

import io.hedgedesk.persistence.session.RevokedSessions;
import io.hedgedesk.web.user.IdTokenClaims;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Logout ends the session on the server too. quarkus-oidc's session cookie is self-contained (the encrypted ID and
 * refresh tokens), so a copy saved before a logout would log its holder in again until the ID token expires.
 * Logouts — RP-initiated through {@code /logout} and back-channel from the provider — are recorded in
 * {@code revoked_session}; every request carrying a session is checked against it (as mirrored in memory, see
 * {@link #refresh}) and, if revoked, continues as anonymous with the cookie cleared: pages send it to the provider's
 * login, public pages show the visitor logged out.
 *
 * <p>A session is its ID token's {@code sid} (Keycloak's session id, the same across token refreshes; {@code jti}
 * when a provider sends none). A back-channel logout token naming only the subject ends every session of that user
 * whose ID token was issued no later than the logout. Revocations are also kept in memory, so this instance refuses
 * the session at once even while the row is still being written; the table is what the other instances read.
 */
@ApplicationScoped
public class SessionRevocation implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(SessionRevocation.class);

    /**
     * How long a row is kept after its ID token expires. A saved cookie is worthless once its ID token has expired and
     * the provider (which ended the session too) refuses the refresh; the margin covers clock skew and the session age
     * extension with plenty to spare.
     */
    static final Duration RETENTION = Duration.ofDays(1);

    private final RevokedSessions store;
    private final Clock clock;
    private final boolean secureCookie;
    /** This instance's own logouts, refused at once. */
    private final Map<String, Revocation> recent = new ConcurrentHashMap<>();
    /** Every instance's logouts as last read from {@code revoked_session} (replaced whole by {@link #refresh}). */
    private volatile Map<String, Instant> shared = Map.of();

    private volatile boolean refreshFailing;

    private record Revocation(Instant at, Instant expires) {}

    public SessionRevocation(
            RevokedSessions store,
            Clock clock,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
                    boolean secureCookie) {
        this.store = store;
        this.clock = clock;
        this.secureCookie = secureCookie;
    }

    void onOidc(@Observes io.quarkus.oidc.SecurityEvent event) {
        switch (event.getEventType()) {
            case OIDC_LOGOUT_RP_INITIATED -> {
                if (event.getSecurityIdentity() != null
                        && event.getSecurityIdentity().getPrincipal() instanceof JsonWebToken idToken) {
                    String key = sessionKey(idToken);
                    if (key != null) {
                        Instant exp = Instant.ofEpochSecond(idToken.getExpirationTime());
                        revoke(key, exp);
                    }
                }
            }
            case OIDC_BACKCHANNEL_LOGOUT_INITIATED -> {
                JsonObject claims = logoutTokenClaims(event.getEventProperties().get("logout_token"));
                if (claims == null) {
                    LOG.warn("back-channel logout: the verified logout token could not be read; session not revoked");
                } else if (claims.getString("sid") != null) {
                    revoke("sid:" + claims.getString("sid"), clock.instant());
                } else if (claims.getString("sub") != null) {
                    revoke(subjectKey(claims.getString("iss"), claims.getString("sub")), clock.instant());
                }
            }
            default -> {
                // logins, refreshes, expired sessions: nothing to revoke
            }
        }
    }

    /**
     * Reloads the revocations every instance has written (the rows that can still match a session). Runs every
     * {@code hedgedesk.session.revocation-refresh} (2 s) and at start, so a request is checked against memory only —
     * no database round trip per request — and a logout handled by another instance is honoured here within that
     * interval. While the database is unreachable the last list is kept (fail open: see the catch below).
     */
    @Scheduled(every = "${hedgedesk.session.revocation-refresh}", concurrentExecution = ConcurrentExecution.SKIP)
    void refresh() {
        try {
            shared = Map.copyOf(store.current(clock.instant()));
            if (refreshFailing) {
                refreshFailing = false;
                LOG.info("the list of revoked sessions is read from the database again");
            }
        } catch (RuntimeException e) {
            if (!refreshFailing) {
                refreshFailing = true;
                // Fail open: a database failure must not log every user out (quarkus-oidc deletes the session cookie of
                // a request whose identity cannot be built); pages with data answer 503 meanwhile anyway, and this
                // instance's own logouts are still refused from memory.
                SecurityLog.warn(
                        "revocation-check-unavailable", "reason", e.getClass().getSimpleName());
            }
        }
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()
                || identity.getCredential(IdTokenCredential.class) == null
                || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return Uni.createFrom().item(identity); // not a session of the code flow
        }
        Map<String, Instant> known = shared;
        Map<String, Instant> revoked = new HashMap<>();
        for (String key : keys(idToken)) {
            Revocation own = recent.get(key);
            Instant at = own != null ? own.at() : known.get(key);
            if (at != null) {
                revoked.put(key, at);
            }
        }
        if (revoked.isEmpty() || !isRevoked(idToken, revoked)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(loggedOut(identity, identity.getAttribute(RoutingContext.class.getName())));
    }

    private void revoke(String key, Instant tokenExpiry) {
        Instant now = clock.instant();
        Instant expires = (tokenExpiry.isAfter(now) ? tokenExpiry : now).plus(RETENTION);
        recent.values().removeIf(r -> r.expires().isBefore(now));
        recent.merge(key, new Revocation(now, expires), (old, fresh) -> old.at().isAfter(fresh.at()) ? old : fresh);
        // The logout events are fired on the event loop, where the database must not be called.
        Runnable write = () -> {
            try {
                store.revoke(key, now, expires);
            } catch (RuntimeException e) {
                LOG.error(
                        "could not record the revoked session in the database; other instances may still accept it", e);
            }
        };
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }

    private SecurityIdentity loggedOut(SecurityIdentity identity, RoutingContext request) {
        SecurityLog.warn(
                "revoked-session",
                "user",
                SecurityLog.who(identity),
                "path",
                request == null ? "-" : request.normalizedPath());
        // Anonymous, but still carrying the ID token: quarkus-oidc reads it after the augmentors (to match a pending
        // back-channel logout) and fails the request with a 401 when there is none.
        QuarkusSecurityIdentity.Builder anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(identity.getPrincipal());
        if (request != null) {
            request.response()
                    .addCookie(Cookie.cookie(OidcUtils.SESSION_COOKIE_NAME, "")
                            .setPath("/")
                            .setMaxAge(0)
                            .setHttpOnly(true)
                            .setSecure(secureCookie)
                            .setSameSite(CookieSameSite.LAX));
            anonymous.addAttribute(RoutingContext.class.getName(), request);
        }
        return anonymous.build();
    }

    private static boolean isRevoked(JsonWebToken idToken, Map<String, Instant> revoked) {
        String session = sessionKey(idToken);
        if (session != null && revoked.containsKey(session)) {
            return true;
        }
        // A logout of the user (no sid) ends the sessions that existed then, not the ones logged in afterwards.
        Instant userLogout = revoked.get(subjectKey(idToken.getIssuer(), idToken.getSubject()));
        return userLogout != null && idToken.getIssuedAtTime() <= userLogout.getEpochSecond();
    }

    private static List<String> keys(JsonWebToken idToken) {
        List<String> keys = new ArrayList<>(2);
        String session = sessionKey(idToken);
        if (session != null) {
            keys.add(session);
        }
        keys.add(subjectKey(idToken.getIssuer(), idToken.getSubject()));
        return keys;
    }

    private static String sessionKey(JsonWebToken idToken) {
        String sid = IdTokenClaims.string(idToken, "sid");
        if (sid != null) {
            return "sid:" + sid;
        }
        return idToken.getTokenID() == null ? null : "jti:" + idToken.getTokenID();
    }

    private static String subjectKey(String issuer, String subject) {
        return "sub:" + issuer + " " + subject;
    }

    /**
     * The claims of the verified logout token. quarkus-oidc passes its verification result in the event but keeps
     * the claims in a package-private field ({@code TokenVerificationResult.localVerificationResult}); the
     * back-channel test fails if a Quarkus upgrade changes that.
     */
    private static JsonObject logoutTokenClaims(Object verification) {
        if (verification == null) {
            return null;
        }
        try {
            Field field = verification.getClass().getDeclaredField("localVerificationResult");
            field.setAccessible(true);
            return (JsonObject) field.get(verification);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
