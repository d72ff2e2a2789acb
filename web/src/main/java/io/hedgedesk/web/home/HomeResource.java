package io.hedgedesk.web.home;

import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.portfolio.PortfolioRow;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

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
    private final io.hedgedesk.persistence.hedge.HedgeTracker hedges;

    public HomeResource(CurrentUser currentUser, PortfolioService portfolios,
                        io.hedgedesk.persistence.hedge.HedgeTracker hedges) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.hedges = hedges;
    }

    @GET
    public TemplateInstance landing() {
        return Templates.landing(currentUser.viewer());
    }

    @GET
    @Path("dashboard")
    public TemplateInstance dashboard() {
        AppUser user = currentUser.get();
        List<PortfolioRow> rows = portfolios.listAll(user.id()).stream()
                .map(a -> new PortfolioRow(a, portfolios.valuation(user.id(), a.portfolio().id())))
                .toList();
        List<io.hedgedesk.web.hedge.HedgeView> open = hedges.openSnapshots(user.id()).stream()
                .map(io.hedgedesk.web.hedge.HedgeView::new).toList();
        return Templates.dashboard(Viewer.of(user), user, rows, open);
    }
}
