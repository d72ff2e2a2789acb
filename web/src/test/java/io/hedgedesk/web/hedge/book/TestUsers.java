package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.user.OidcIdentity;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.persistence.user.AppUserRepository;
import java.util.Optional;
import java.util.UUID;

/**
 * Users with unique names and subjects, so tests never collide with each other's rows, logged in (personal team
 * created) and given a fresh portfolio in their current team.
 */
public final class TestUsers {

    private TestUsers() {}

    public static AppUser create(AppUserRepository users, String name) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.provision(new OidcIdentity(
                "https://idp.test", UUID.randomUUID().toString(), unique, Optional.of(unique + "@example.com"), name));
    }

    /** A new user after their first login: provisioned, with the personal team that login creates. */
    public static AppUser loggedIn(AppUserRepository users, TeamService teams, String name) {
        AppUser user = create(users, name);
        teams.onLogin(user);
        return user;
    }

    /** A portfolio with a unique name in the owner's current team. */
    public static Portfolio portfolio(PortfolioService portfolios, TeamService teams, AppUser owner, String prefix) {
        return portfolios.create(
                owner.id(),
                teams.currentTeam(owner.id()).team().id(),
                UUID.randomUUID(),
                prefix + " " + UUID.randomUUID());
    }
}
