package io.hedgedesk.web.demo;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.team.Team;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * A first run that shows the product (configuration {@code hedgedesk.demo-data}, on in {@code start.sh}, off
 * otherwise): at a user's first sign-in the user gets a team {@value #TEAM} (made their current team) with a portfolio
 * {@value #PORTFOLIO} of three coins, valued from the shipped daily closes, and two open hedges on the shipped history
 * ({@link DemoHedges}): an inverse one with margin out of the bag and a linear one. Written through the services, so it
 * is audited like any other write. Idempotent across restarts and instances: the writes carry single-use form tokens
 * derived from the user's id, so a second attempt is a duplicate submission and saves nothing, and a user who already
 * belongs to a team of that name is left alone.
 */
@ApplicationScoped
public class DemoData {

    public static final String TEAM = "Demo team";
    public static final String PORTFOLIO = "Demo bags";

    /** Asset, quantity, venue, total cost basis in USD. */
    private static final List<String[]> HOLDINGS = List.of(
            new String[] {"BTC", "0.5", "Cold wallet", "30000"},
            new String[] {"ETH", "4", "Ledger", "9600"},
            new String[] {"SOL", "60", "Phantom", "6000"});

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final boolean enabled;
    private final TeamService teams;
    private final PortfolioService portfolios;
    private final Clock clock;
    private final DemoHedges hedges;
    /** Users seen by this instance since it started: the check runs once per user, not on every request. */
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();

    public DemoData(
            HedgedeskConfig config, TeamService teams, PortfolioService portfolios, Clock clock, DemoHedges hedges) {
        this.hedges = hedges;
        this.enabled = config.demoData();
        this.teams = teams;
        this.portfolios = portfolios;
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Called for every signed-in request; seeds the user's demo data once when demo data is on. */
    public void onSignIn(AppUser user) {
        if (enabled && seen.add(user.id())) {
            try {
                seed(user);
            } catch (RuntimeException e) {
                // The user's own pages must not fail for the demo: logged, and tried again after the next start.
                LOG.warnf(e, "demo data for user %d not written", user.id());
            }
        }
    }

    /** Writes the demo team, portfolio and holdings for {@code user} unless they exist; true when written now. */
    public boolean seed(AppUser user) {
        if (teams.teamsOf(user.id()).stream().anyMatch(t -> t.team().name().equals(TEAM))) {
            return false;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> write(user.id()));
            return true;
        } catch (RuntimeException e) {
            if (e instanceof DuplicateSubmissionException || e.getCause() instanceof DuplicateSubmissionException) {
                return false; // written meanwhile by another request or instance
            }
            throw e;
        }
    }

    private void write(long userId) {
        Team team = teams.create(userId, token(userId, "team"), TEAM);
        Portfolio portfolio = portfolios.create(userId, team.id(), token(userId, "portfolio"), PORTFOLIO);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, Holding> held = new LinkedHashMap<>();
        for (String[] h : HOLDINGS) {
            HoldingDraft draft =
                    HoldingDraft.parse(new HoldingInput(h[0], false, h[1], h[2], h[3], "", "demo data"), today);
            held.put(h[0], portfolios.addHolding(userId, portfolio.id(), token(userId, "holding-" + h[0]), draft));
        }
        hedges.write(userId, portfolio.id(), held, what -> token(userId, what));
    }

    static UUID token(long userId, String what) {
        return UUID.nameUUIDFromBytes(
                ("hedgedesk demo " + what + " of user " + userId).getBytes(StandardCharsets.UTF_8));
    }
}
