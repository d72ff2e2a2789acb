package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.AuditEvent;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.Portfolio;
import io.hedgedesk.domain.team.TeamSummary;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.TeamService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Portfolio list (current team), portfolio detail with valuation (built by {@link PortfolioDetailPage}), manual
 * prices and the audit trail.
 */
@Path("/portfolios")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PortfolioResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Viewer viewer,
                TeamSummary team,
                List<PortfolioRow> rows,
                String flash,
                String name,
                String formToken,
                Map<String, String> errors);

        static native TemplateInstance detail(
                Viewer viewer, Pages.Detail page, String flash, Map<String, String> errors);

        static native TemplateInstance audit(Viewer viewer, PortfolioAccess access, List<AuditEvent> events);
    }

    private final CurrentUser currentUser;
    private final TeamService teams;
    private final PortfolioService portfolios;
    private final FormTokens formTokens;
    private final OnceKey once;
    private final PortfolioDetailPage detailPage;

    public PortfolioResource(
            CurrentUser currentUser,
            TeamService teams,
            PortfolioService portfolios,
            FormTokens formTokens,
            OnceKey once,
            PortfolioDetailPage detailPage) {
        this.currentUser = currentUser;
        this.teams = teams;
        this.portfolios = portfolios;
        this.formTokens = formTokens;
        this.once = once;
        this.detailPage = detailPage;
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
            return Response.status(400)
                    .entity(listPage("", name, token.toString(), e.errors()))
                    .build();
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
        return Templates.detail(
                currentUser.viewer(),
                page(portfolioId, "", "", once.token(), Map.of(), once.token()),
                Flash.message(flash),
                Map.of());
    }

    /**
     * A manual USD price for one of the portfolio's assets, in the portfolio's team. Every entry is a new price, so the
     * form's single-use token makes a double submit store one (the second lands on the portfolio).
     */
    @POST
    @Path("{portfolioId}/prices")
    public Response enterPrice(
            @RestPath long portfolioId,
            @RestForm String priceAsset,
            @RestForm String price,
            @RestForm String formToken) {
        UUID token = FormTokens.parse(formToken);
        try {
            String asset = priceAsset == null ? "" : priceAsset.strip().toUpperCase(Locale.ROOT);
            portfolios.enterPrice(currentUser.id(), portfolioId, token, asset, HoldingDraft.parsePrice(price));
            return Flash.redirect("/portfolios/" + portfolioId, "price-saved");
        } catch (InvalidHoldingException e) {
            portfolios.access(currentUser.id(), portfolioId);
            return Response.status(400)
                    .entity(Templates.detail(
                            currentUser.viewer(),
                            page(portfolioId, priceAsset, price, token.toString(), Map.of(), once.token()),
                            "",
                            e.errors()))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/portfolios/" + portfolioId, "already-saved");
        }
    }

    /**
     * The "update all prices" form: a USD price per asset, typed in one go. Empty rows are left as they are; one bad
     * price refuses them all (nothing saved), with a message at the top naming the asset and everything typed kept.
     * {@code asset} and {@code price} are parallel lists, a row each, in the form's order.
     */
    @POST
    @Path("{portfolioId}/prices/all")
    public Response enterPrices(
            @RestPath long portfolioId,
            @RestForm List<String> asset,
            @RestForm List<String> price,
            @RestForm String formToken) {
        UUID token = FormTokens.parse(formToken);
        List<String> assets = asset == null ? List.of() : asset;
        List<String> prices = price == null ? List.of() : price;
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, BigDecimal> parsed = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            String symbol = assets.get(i) == null ? "" : assets.get(i).strip().toUpperCase(Locale.ROOT);
            String text =
                    i < prices.size() && prices.get(i) != null ? prices.get(i).strip() : "";
            typed.put(symbol, text);
            if (text.isEmpty()) {
                continue;
            }
            try {
                parsed.put(symbol, HoldingDraft.parsePrice(text));
            } catch (InvalidHoldingException e) {
                errors.put(
                        "price-" + symbol,
                        symbol + ": " + String.join(" ", e.errors().values()));
            }
        }
        if (assets.size() != prices.size()) {
            errors.put("prices", "Send one price per asset.");
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidHoldingException(errors);
            }
            portfolios.enterPrices(currentUser.id(), portfolioId, token, parsed);
            return Flash.redirect("/portfolios/" + portfolioId, "prices-saved");
        } catch (InvalidHoldingException e) {
            portfolios.access(currentUser.id(), portfolioId);
            Map<String, String> shown = new LinkedHashMap<>(e.errors());
            shown.replaceAll((field, message) ->
                    field.startsWith("price-") || message.contains(":") ? message : "Prices: " + message);
            return Response.status(400)
                    .entity(Templates.detail(
                            currentUser.viewer(),
                            page(portfolioId, "", "", once.token(), typedWithErrors(typed, shown), token.toString()),
                            "",
                            shown))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/portfolios/" + portfolioId, "already-saved");
        }
    }

    /** What was typed in each grid row, and its error (keys {@code <ASSET>} and {@code price-<ASSET>}). */
    private static Map<String, String> typedWithErrors(Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> all = new LinkedHashMap<>(typed);
        all.putAll(errors);
        return all;
    }

    @GET
    @Path("{portfolioId}/audit")
    public TemplateInstance audit(@RestPath long portfolioId) {
        long userId = currentUser.id();
        return Templates.audit(
                currentUser.viewer(),
                portfolios.access(userId, portfolioId),
                portfolios.auditTrail(userId, portfolioId));
    }

    private Pages.Detail page(
            long portfolioId,
            String priceAsset,
            String price,
            String priceToken,
            Map<String, String> grid,
            String gridToken) {
        return detailPage.of(
                currentUser.id(), currentUser.dataStamp(), portfolioId, priceAsset, price, priceToken, grid, gridToken);
    }
}
