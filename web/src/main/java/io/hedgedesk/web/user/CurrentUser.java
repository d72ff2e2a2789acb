package io.hedgedesk.web.user;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.team.UserSignIn;
import io.hedgedesk.web.demo.DemoData;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The logged-in user of this request, provisioned into {@code app_user} on first sight. Identity comes from the
 * ID token's issuer and subject; everything else about the user (teams, roles) comes from the database.
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final UserSignIn signIn;
    private final DemoData demo;
    private UserSignIn.SignedIn signedIn;

    @Inject
    public CurrentUser(SecurityIdentity identity, UserSignIn signIn, DemoData demo) {
        this.identity = identity;
        this.signIn = signIn;
        this.demo = demo;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** The user behind this request; only call on routes that require login. */
    public AppUser get() {
        return signedIn().user();
    }

    /**
     * The stamp of the data this user sees ({@link io.hedgedesk.persistence.team.DataVersions}), read with the user
     * and so before any data of the request: pages kept in memory compare it.
     */
    public String dataStamp() {
        return signedIn().dataStamp();
    }

    private UserSignIn.SignedIn signedIn() {
        if (signedIn == null) {
            if (!isLoggedIn()) {
                throw new IllegalStateException("no user is logged in on this request");
            }
            // Provisioned at first login (a personal team; pending invitations naming the user are claimed).
            signedIn = signIn.signIn(claims());
            demo.onSignIn(signedIn.user());
        }
        return signedIn;
    }

    /** The id of the user behind this request. */
    public long id() {
        return get().id();
    }

    public Viewer viewer() {
        return isLoggedIn() ? Viewer.of(get()) : Viewer.ANONYMOUS;
    }

    /**
     * The viewer of an error page, without touching the database (the error may be that it is down, or a rolled-back
     * transaction): the user already loaded on this request, else the name in the ID token.
     */
    public Viewer viewerFromSession() {
        if (!isLoggedIn()) {
            return Viewer.ANONYMOUS;
        }
        if (signedIn != null) {
            return Viewer.of(signedIn.user());
        }
        try {
            return new Viewer(true, claims().displayName(), true);
        } catch (RuntimeException unusableToken) {
            return new Viewer(true, identity.getPrincipal().getName(), true);
        }
    }

    /** Who the provider says logged in: in the code flow the principal is the verified ID token. */
    private OidcIdentity claims() {
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        return OidcIdentity.fromClaims(
                idToken.getIssuer(),
                idToken.getSubject(),
                idToken.getClaim("preferred_username"),
                idToken.getClaim("email"),
                IdTokenClaims.string(idToken, "name"));
    }
}
