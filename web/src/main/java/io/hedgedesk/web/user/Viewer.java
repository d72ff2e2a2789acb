package io.hedgedesk.web.user;

/**
 * What every page's layout needs to know about the person looking at it.
 *
 * @param loggedIn    whether a session exists
 * @param displayName the name to greet; empty for anonymous visitors
 * @param logoutForm  whether the page can carry the logout form (it needs this request's CSRF token, which an error
 *                    answered before the resource was reached does not have)
 */
public record Viewer(boolean loggedIn, String displayName, boolean logoutForm) {

    public static final Viewer ANONYMOUS = new Viewer(false, "", false);

    public static Viewer of(io.hedgedesk.domain.user.AppUser user) {
        return new Viewer(true, user.displayName(), true);
    }

    /** The same viewer on a page that cannot carry the logout form. */
    public Viewer withoutLogoutForm() {
        return new Viewer(loggedIn, displayName, false);
    }
}
