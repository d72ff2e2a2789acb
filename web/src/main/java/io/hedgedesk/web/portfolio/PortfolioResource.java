package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.web.config.HedgedeskConfig;
import io.hedgedesk.web.hedge.CoinCoverageView;
import io.hedgedesk.web.planner.Planner;
import io.hedgedesk.web.hedge.book.HedgeTracker;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.support.StampedCache;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Portfolio list (current team), portfolio detail with valuation, manual prices and the audit trail. The detail
 * page's data (the portfolio with the user's role, and its valuation) is kept per user and portfolio while the
 * user's data stamp is unchanged, as the dashboard's is ({@code hedgedesk.page-cache-ttl}).
 */
@Path("/portfolios")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Singleton // one instance holds the cache (the default scope of a resource, stated because the cache needs it)
public class PortfolioResource {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(Viewer viewer, TeamSummary team, List<PortfolioRow> rows, String flash,
                                        String name, String formToken, Map<String, String> errors);

    static native TemplateInstance detail(Viewer viewer, Pages.Detail page, String flash, Map<String, String> errors);

    static native TemplateInstance audit(Viewer viewer, PortfolioAccess access, List<AuditEvent> events);
  }

  private final CurrentUser currentUser;
  private final TeamService teams;
  private final PortfolioService portfolios;
  private final FormTokens formTokens;
  private final HedgeTracker tracker;
  private final StampedCache<DetailKey, DetailData> details;

  private record DetailKey(long userId, long portfolioId) {
  }

  private record DetailData(PortfolioAccess access, PortfolioValuation valuation, List<CoinCoverageView> coins) {
  }

  private final OnceKey once;

  public PortfolioResource(CurrentUser currentUser, TeamService teams, PortfolioService portfolios,
                           FormTokens formTokens, HedgeTracker tracker, OnceKey once,
                           HedgedeskConfig config) {
    this.tracker = tracker;
    this.once = once;
    this.currentUser = currentUser;
    this.teams = teams;
    this.portfolios = portfolios;
    this.formTokens = formTokens;
    this.details = new StampedCache<>(config.pageCacheTtl(), System::nanoTime);
  }

  @GET
  public TemplateInstance list(@RestQuery String flash) {
    return listPage(Flash.message(flash), "", once.token(), Map.of());
  }

  /**
   * Creates a portfolio in the user's current team (the team is never taken from the form). The form's single-use
   * token makes a double submit create one portfolio; the second lands on the list.
   */
  @POST
  public Response create(@RestForm String name, @RestForm String formToken) {
    long teamId = teams.currentTeam(currentUser.id()).team().id();
    UUID token = FormTokens.parse(formToken);
    try {
      Portfolio p = portfolios.create(currentUser.id(), teamId, token, name);
      return Flash.redirect("/portfolios/" + p.id(), "portfolio-created");
    } catch (InvalidHoldingException e) {
      return Response.status(400).entity(listPage("", name, token.toString(), e.errors())).build();
    } catch (DuplicateSubmissionException e) {
      return Flash.redirect("/portfolios", "already-saved");
    }
  }

  private TemplateInstance listPage(String flash, String name, String formToken, Map<String, String> errors) {
    long userId = currentUser.id();
    TeamSummary team = teams.currentTeam(userId);
    List<PortfolioRow> rows = portfolios.list(userId, team.team().id()).stream()
        .map(p -> new PortfolioRow(portfolios.access(userId, p.id()), portfolios.valuation(userId, p.id())))
        .toList();
    return Templates.list(currentUser.viewer(), team, rows, flash, name, formToken, errors);
  }

  @GET
  @Path("{portfolioId}")
  public TemplateInstance detail(@RestPath long portfolioId, @RestQuery String flash) {
    return Templates.detail(currentUser.viewer(), page(portfolioId, "", "", once.token()),
        Flash.message(flash), Map.of());
  }

  /**
   * A manual USD price for one of the portfolio's assets, in the portfolio's team. Every entry is a new price, so the
   * form's single-use token makes a double submit store one (the second lands on the portfolio).
   */
  @POST
  @Path("{portfolioId}/prices")
  public Response enterPrice(@RestPath long portfolioId, @RestForm String priceAsset, @RestForm String price,
                             @RestForm String formToken) {
    UUID token = FormTokens.parse(formToken);
    try {
      String asset = priceAsset == null ? "" : priceAsset.strip().toUpperCase(Locale.ROOT);
      portfolios.enterPrice(currentUser.id(), portfolioId, token, asset, HoldingDraft.parsePrice(price));
      return Flash.redirect("/portfolios/" + portfolioId, "price-saved");
    } catch (InvalidHoldingException e) {
      portfolios.access(currentUser.id(), portfolioId);
      return Response.status(400).entity(Templates.detail(currentUser.viewer(),
          page(portfolioId, priceAsset, price, token.toString()), "", e.errors())).build();
    } catch (DuplicateSubmissionException e) {
      return Flash.redirect("/portfolios/" + portfolioId, "already-saved");
    }
  }

  @GET
  @Path("{portfolioId}/audit")
  public TemplateInstance audit(@RestPath long portfolioId) {
    long userId = currentUser.id();
    return Templates.audit(currentUser.viewer(), portfolios.access(userId, portfolioId),
        portfolios.auditTrail(userId, portfolioId));
  }

  private Pages.Detail page(long portfolioId, String priceAsset, String price, String priceToken) {
    long userId = currentUser.id();
    // Not found (another team's portfolio) is thrown here and never kept; losing access changes the stamp.
    DetailData data = details.get(new DetailKey(userId, portfolioId), currentUser.dataStamp(),
        () -> QuarkusTransaction.requiringNew().call(() -> {
          PortfolioAccess access = portfolios.access(userId, portfolioId);
          return new DetailData(access, portfolios.valuation(userId, portfolioId),
              CoinCoverageView.of(access, tracker.openOf(userId, portfolioId)));
        }));
    PortfolioAccess access = data.access();
    PortfolioValuation valuation = data.valuation();
    TreeSet<String> priceAssets = new TreeSet<>();
    valuation.lines().forEach(l -> priceAssets.add(l.holding().draft().assetSymbol()));
    priceAssets.removeAll(KnownAssets.STABLECOINS);
    // held coins first (the form's default is one of them), then the coins a proxy hedge can be placed in, priced
    // here even when not held (one price per coin per team)
    List<String> choices = new java.util.ArrayList<>(priceAssets);
    new TreeSet<>(Planner.PROXY_COINS).stream().filter(c -> !priceAssets.contains(c)).forEach(choices::add);
    return new Pages.Detail(access, valuation, List.copyOf(choices), priceAsset == null ? "" : priceAsset,
        price == null ? "" : price, priceToken, data.coins());
  }
}
