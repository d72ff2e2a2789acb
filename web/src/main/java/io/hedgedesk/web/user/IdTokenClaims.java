package io.hedgedesk.web.user;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Claims of the ID token that MicroProfile's {@code Claims} enum does not name ({@code sid}, {@code name}).
 * {@link JsonWebToken#getClaim(String)} looks every name up with {@code Claims.valueOf} first, which throws (and
 * catches) an {@code IllegalArgumentException} with a full stack trace for these: two per logged-in request, ~4 % of
 * its CPU (async-profiler). quarkus-oidc's principal holds the parsed claims; they are read from there.
 */
public final class IdTokenClaims {

    private IdTokenClaims() {}

    /** The claim as a string, or null when the token has none. */
    public static String string(JsonWebToken token, String name) {
        if (token instanceof OidcJwtCallerPrincipal principal) {
            Object value = principal.getClaims().getClaimValue(name);
            return value == null ? null : value.toString();
        }
        return token.getClaim(name);
    }
}
