package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;

/** A line of the portfolio list: the portfolio, its team and role, and its valuation. */
public record PortfolioRow(PortfolioAccess access, PortfolioValuation valuation) {}
