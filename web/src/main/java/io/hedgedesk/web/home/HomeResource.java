package io.hedgedesk.web.home;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.portfolio.PortfolioRow;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The public landing page and the logged-in user's dashboard. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(Viewer viewer);

        static native TemplateInstance dashboard(Viewer viewer, AppUser user, List<PortfolioRow> portfolios,
                                                List<io.hedgedesk.web.hedge.HedgeView> hedges);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final io.hedgedesk.web.hedge.book.HedgeTracker hedges;

    public HomeResource(CurrentUser currentUser, PortfolioService portfolios,
                        io.hedgedesk.web.hedge.book.HedgeTracker hedges) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.hedges = hedges;
    }

    @GET
    public TemplateInstance landing() {
        return Templates.landing(currentUser.viewer());
    }

    /** One read-only transaction for the whole page: one connection, one snapshot of the data. */
    @GET
    @Path("dashboard")
    @Transactional
    public TemplateInstance dashboard() {
        AppUser user = currentUser.get(); // may write: first login, invitations claimed
        // The rest only reads: entities are loaded read-only, so the commit has no dirty checking to do.
        Panache.getEntityManager().unwrap(Session.class).setDefaultReadOnly(true);
        Map<PortfolioAccess, PortfolioValuation> valued = portfolios.listAllValued(user.id());
        List<PortfolioRow> rows = valued.entrySet().stream().map(e -> new PortfolioRow(e.getKey(), e.getValue()))
                .toList();
        Map<Long, PortfolioValuation> byId = new HashMap<>();
        valued.forEach((access, valuation) -> byId.put(access.portfolio().id(), valuation));
        List<io.hedgedesk.web.hedge.HedgeView> open = hedges.openSnapshots(user.id(), byId).stream()
                .map(io.hedgedesk.web.hedge.HedgeView::new).toList();
        return Templates.dashboard(Viewer.of(user), user, rows, open);
    }
}
