package io.hedgedesk.persistence.portfolio;

import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.team.Role;
import java.util.Objects;

/**
 * A portfolio the current user may see, with their role in its team (read from the database for this request).
 *
 * @param portfolio the portfolio
 * @param teamName  its team's name
 * @param role      the user's role in the team
 */
public record PortfolioAccess(Portfolio portfolio, String teamName, Role role) {

    public PortfolioAccess {
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(teamName, "teamName");
        Objects.requireNonNull(role, "role");
    }
}
