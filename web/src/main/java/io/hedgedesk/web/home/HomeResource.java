package io.hedgedesk.web.home;

import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.domain.user.AppUser;
import io.hedgedesk.persistence.Transactions;
import io.hedgedesk.persistence.alerts.AlertBatch;
import io.hedgedesk.persistence.alerts.AlertSettings;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.pricing.alerts.AlertKind;
import io.hedgedesk.web.alerts.AlertEngine;
import io.hedgedesk.web.alerts.ConnectionAlerts;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.hedge.CoinCoverageView;
import io.hedgedesk.web.hedge.HedgeView;
import io.hedgedesk.web.hedge.Parse;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.portfolio.PortfolioRow;
import io.hedgedesk.web.support.StampedCache;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

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
        static native TemplateInstance dashboardSections(
                Onboarding onboarding,
                List<PortfolioRow> portfolios,
                List<HedgeView> hedges,
                List<CoinCoverageView> coins,
                DashboardAlerts alerts);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final TeamService teams;
    private final HedgeTracker hedges;
    private final AlertEngine alertEngine;
    private final ConnectionAlerts connectionAlerts;
    private final AlertSettings alertSettings;
    private final HedgeBookService book;
    private final Clock clock;
    /** The dashboard's team sections as HTML, per user: rendering them was a sixth of a page's CPU. */
    private final StampedCache<Long, String> cache;

    public HomeResource(
            CurrentUser currentUser,
            PortfolioService portfolios,
            TeamService teams,
            HedgeTracker hedges,
            AlertEngine alertEngine,
            ConnectionAlerts connectionAlerts,
            AlertSettings alertSettings,
            HedgeBookService book,
            Clock clock,
            HedgedeskConfig config) {
        this.connectionAlerts = connectionAlerts;
        this.alertEngine = alertEngine;
        this.alertSettings = alertSettings;
        this.book = book;
        this.clock = clock;
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
        String sections = cache.get(
                user.id(),
                stamp,
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> sections(user.id()))
                        .render());
        return Templates.dashboard(Viewer.of(user), user, sections);
    }

    /**
     * Acknowledges a hedge's or an exchange connection's alert (hidden until it re-arms) or snoozes it for 24 hours
     * (hidden, and not sent to this user, until then), for the current user only. A connection's kind takes a
     * {@code connectionId}, the others a {@code hedgeId}. Another team's hedge or connection is a 404; a missing or
     * unknown field a 400 naming it.
     */
    @POST
    @Path("dashboard/alerts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(
            @RestForm String hedgeId, @RestForm String connectionId, @RestForm String kind, @RestForm String action) {
        long userId = currentUser.id();
        Optional<AlertKind> alert = Arrays.stream(AlertKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst();
        boolean connection =
                alert.map(k -> k.severity() == AlertKind.Severity.CONNECTIONS).orElse(false);
        String idField = connection ? "connectionId" : "hedgeId";
        Optional<Long> id = new Parse().id(connection ? connectionId : hedgeId, idField);
        String bad = alert.isEmpty()
                ? "kind"
                : id.isEmpty() ? idField : "ack".equals(action) || "snooze".equals(action) ? null : "action";
        if (bad != null) {
            return Response.status(400)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("Choose an alert of the dashboard: " + bad + " is missing or unknown (hedgeId or"
                            + " connectionId, kind and action ack or snooze).")
                    .build();
        }
        if (!connection) {
            book.hedge(userId, id.get()); // visible to the user, else 404
        }
        alertSettings.acknowledge( // a connection not in the user's teams: 404
                userId,
                connection ? AlertBatch.Subject.CONNECTION : AlertBatch.Subject.HEDGE,
                id.get(),
                alert.get().name(),
                "ack".equals(action),
                "snooze".equals(action) ? Optional.of(clock.instant().plus(SNOOZE)) : Optional.empty());
        return Response.seeOther(URI.create("/dashboard#alerts")).build();
    }

    /** How long "snooze" hides an alert. */
    static final Duration SNOOZE = Duration.ofHours(24);

    /** Read in one read-only transaction: entities are loaded read-only, the commit has no dirty checking to do. */
    private TemplateInstance sections(long userId) {
        Transactions.readOnly();
        Map<PortfolioAccess, PortfolioValuation> valued = portfolios.listAllValued(userId);
        List<PortfolioRow> rows = valued.entrySet().stream()
                .map(e -> new PortfolioRow(e.getKey(), e.getValue()))
                .toList();
        Map<Long, PortfolioValuation> byId = new HashMap<>();
        valued.forEach((access, valuation) -> byId.put(access.portfolio().id(), valuation));
        HedgeTracker.OpenBook book = hedges.openBook(userId, byId);
        List<HedgeView> open = book.hedges().stream().map(HedgeView::new).toList();
        List<TeamSummary> memberOf = teams.teamsOf(userId);
        Map<Long, String> teamNames = new HashMap<>();
        memberOf.forEach(t -> teamNames.put(t.team().id(), t.team().name()));
        DashboardAlerts alerts = DashboardAlerts.of(
                book,
                alertEngine.evaluate(book.hedges()),
                connectionAlerts.evaluate(Optional.of(teamNames.keySet())),
                teamNames,
                alertSettings.acks(userId),
                clock.instant());
        boolean sharedTeam = memberOf.stream().anyMatch(t -> !t.team().personal());
        Onboarding onboarding = Onboarding.of(sharedTeam, rows, !open.isEmpty());
        return Templates.dashboardSections(onboarding, rows, open, CoinCoverageView.of(book.coverage()), alerts);
    }
}
