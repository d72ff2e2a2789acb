package io.hedgedesk.web.home;

import io.hedgedesk.web.portfolio.PortfolioRow;
import java.util.List;

/**
 * The first steps through the product, shown on the dashboard until the last is done: a team, a portfolio, holdings,
 * prices for them, a plan and a recorded hedge. Planning leaves no record, so "plan" counts as done with "record"; a
 * user who works alone in the personal team has done the team step with the first portfolio.
 *
 * @param steps in order; each links where it is done
 */
public record Onboarding(List<Step> steps) {

    /** One step: what to do, where, and whether it is done. */
    public record Step(String label, String href, boolean done) {}

    public Onboarding {
        steps = List.copyOf(steps);
    }

    /**
     * The steps for a user in {@code sharedTeam} (a team besides the personal one), with {@code rows} their portfolios
     * and {@code hedges} whether any hedge is open.
     */
    public static Onboarding of(boolean sharedTeam, List<PortfolioRow> rows, boolean hedges) {
        String portfolio = rows.isEmpty()
                ? "/portfolios"
                : "/portfolios/" + rows.get(0).access().portfolio().id();
        boolean holdings = rows.stream().anyMatch(r -> !r.valuation().lines().isEmpty());
        boolean priced = holdings && rows.stream().allMatch(r -> r.valuation().unpriced() == 0);
        return new Onboarding(List.of(
                new Step("Create or join a team", "/teams", sharedTeam || !rows.isEmpty()),
                new Step("Create a portfolio", "/portfolios", !rows.isEmpty()),
                new Step("Add your holdings", rows.isEmpty() ? "/portfolios" : portfolio + "/holdings/new", holdings),
                new Step("Give every holding a price", portfolio, priced),
                new Step("Plan a hedge", rows.isEmpty() ? "/portfolios" : portfolio + "/plan", hedges),
                new Step("Record the hedge you opened", rows.isEmpty() ? "/portfolios" : portfolio + "/plan", hedges)));
    }

    /** Whether a hedge is recorded, the journey's end (the dashboard then shows no steps). */
    public boolean done() {
        return steps.get(steps.size() - 1).done();
    }
}
