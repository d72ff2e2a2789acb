package io.hedgedesk.web.home;

import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.Transactions;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.view.Words;
import io.hedgedesk.web.hedge.CoinCoverageView;
import io.hedgedesk.web.hedge.HedgeView;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.portfolio.PortfolioRow;
import io.hedgedesk.web.support.StampedCache;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public landing page and the logged-in user's dashboard. The dashboard's rows are kept per user while the
 * user's data stamp is unchanged ({@link io.hedgedesk.persistence.team.DataVersions},
 * {@code hedgedesk.page-cache-ttl}): a page served from memory costs no statement beyond the user lookup, which
 * reads the stamp too.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Singleton // one instance holds the cache (the default scope of a resource, stated because the cache needs it)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(Viewer viewer);

        static native TemplateInstance dashboard(Viewer viewer, AppUser user, String sections);

        /** What the dashboard shows of the user's teams, as HTML (escaped by this template). */
        static native TemplateInstance dashboardSections(Onboarding onboarding, List<PortfolioRow> portfolios,
                List<HedgeView> hedges, List<CoinCoverageView> coins, List<String> alerts);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final TeamService teams;
    private final HedgeTracker hedges;
    /** The dashboard's team sections as HTML, per user: rendering them was a sixth of a page's CPU. */
    private final StampedCache<Long, String> cache;

    public HomeResource(CurrentUser currentUser, PortfolioService portfolios, TeamService teams, HedgeTracker hedges,
                        HedgedeskConfig config) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.teams = teams;
        this.hedges = hedges;
        this.cache = new StampedCache<>(config.pageCacheTtl(), System::nanoTime);
    }

    @GET
    public TemplateInstance landing() {
        return Templates.landing(currentUser.viewer());
    }

    @GET
    @Path("dashboard")
    public TemplateInstance dashboard() {
        AppUser user = currentUser.get(); // may write: first login, invitations claimed
        String stamp = currentUser.dataStamp(); // read with the user, before the rows it labels (see DataVersions)
        String sections = cache.get(user.id(), stamp,
                () -> QuarkusTransaction.requiringNew().call(() -> sections(user.id())).render());
        return Templates.dashboard(Viewer.of(user), user, sections);
    }

    /** Read in one read-only transaction: entities are loaded read-only, the commit has no dirty checking to do. */
    private TemplateInstance sections(long userId) {
        Transactions.readOnly();
        Map<PortfolioAccess, PortfolioValuation> valued = portfolios.listAllValued(userId);
        List<PortfolioRow> rows = valued.entrySet().stream().map(e -> new PortfolioRow(e.getKey(), e.getValue()))
                .toList();
        Map<Long, PortfolioValuation> byId = new HashMap<>();
        valued.forEach((access, valuation) -> byId.put(access.portfolio().id(), valuation));
        HedgeTracker.OpenBook book = hedges.openBook(userId, byId);
        List<HedgeView> open = book.hedges().stream().map(HedgeView::new).toList();
        List<String> alerts = book.alerts().stream()
                .map(a -> a.portfolio().portfolio().name() + " — " + Words.of(a.alert())).toList();
        boolean sharedTeam = teams.teamsOf(userId).stream().anyMatch(t -> !t.team().personal());
        Onboarding onboarding = Onboarding.of(sharedTeam, rows, !open.isEmpty());
        return Templates.dashboardSections(onboarding, rows, open, CoinCoverageView.of(book.coverage()), alerts);
    }
}
