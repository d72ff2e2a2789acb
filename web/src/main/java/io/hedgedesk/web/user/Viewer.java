package io.hedgedesk.web.user;

/**
 * What every page's layout needs to know about the person looking at it.
 *
 * @param loggedIn    whether a session exists
 * @param displayName the name to greet; empty for anonymous visitors
 */
public record Viewer(boolean loggedIn, String displayName) {

    public static final Viewer ANONYMOUS = new Viewer(false, "");

    public static Viewer of(io.hedgedesk.domain.user.AppUser user) {
        return new Viewer(true, user.displayName());
    }
}
