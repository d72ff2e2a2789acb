package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.CoverageInput;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.hedgedesk.web.view.Display;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The manual "record an opened hedge" form of a portfolio (for hedges opened without the planner); it calls the
 * same {@link HedgeBookService#open} as the planner's "Record as opened". Editors and owners only.
 */
@Path("/portfolios/{portfolioId}/hedges")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HedgeOpenResource {

    private static final Logger LOG = Logger.getLogger(HedgeOpenResource.class);

    /** One holding as a checkbox of the open form. */
    public record HoldingOption(long id, String label, boolean checked) {}

    /** The open form page. */
    public record OpenPage(
            PortfolioAccess access,
            HedgeForms.OpenForm input,
            List<String> contracts,
            List<HoldingOption> holdings,
            String formToken) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance open(Viewer viewer, OpenPage page, Map<String, String> errors);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final HedgeBookService book;
    private final FormTokens formTokens;

    private final OnceKey once;
    private final ContractCatalog catalog;

    public HedgeOpenResource(
            CurrentUser currentUser,
            PortfolioService portfolios,
            HedgeBookService book,
            FormTokens formTokens,
            OnceKey once,
            ContractCatalog catalog) {
        this.once = once;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.book = book;
        this.formTokens = formTokens;
    }

    // ------------------------------------------------------------------------------------------------ open

    @GET
    @Path("new")
    public TemplateInstance newForm(@RestPath long portfolioId, @BeanParam HedgeForms.Prefill prefill) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "record hedges");
        return Templates.open(currentUser.viewer(), openPage(access, prefill.form(), once.token()), Map.of());
    }

    @POST
    public Response open(@RestPath long portfolioId, @BeanParam HedgeForms.OpenForm form) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "record hedges");
        UUID token = FormTokens.parse(form.formToken());
        try {
            long id = book.open(currentUser.id(), token, command(portfolioId, form));
            return Flash.redirect("/hedges/" + id, "hedge-opened");
        } catch (InvalidHedgeException e) {
            LOG.infof(
                    "Hedge input refused for user %d: fields %s",
                    currentUser.id(), e.errors().keySet());
            return Response.status(400)
                    .entity(Templates.open(currentUser.viewer(), openPage(access, form, token.toString()), e.errors()))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/hedges", "already-saved");
        }
    }

    private static OpenHedge command(long portfolioId, HedgeForms.OpenForm form) {
        Parse p = new Parse();
        Side side = p.choice(Side.class, form.side(), "side");
        BigDecimal size = p.required(form.size(), "size", "Size");
        BigDecimal entry = p.required(form.entryPrice(), "entryPrice", "Entry price");
        BigDecimal leverage = p.required(form.leverage(), "leverage", "Leverage");
        BigDecimal margin = p.decimal(form.margin(), "margin", "Margin posted").orElse(BigDecimal.ZERO);
        BigDecimal target =
                p.required(CoverageInput.fraction(form.targetCoverage()), "targetCoverage", "Target coverage");
        BigDecimal fee = p.decimal(form.fee(), "fee", "Opening fee paid").orElse(BigDecimal.ZERO);
        java.util.Optional<java.time.Instant> openedAt = p.utcTime(form.openedAt(), "openedAt");
        List<Long> holdings = new ArrayList<>();
        for (String h : form.holdings() == null ? List.<String>of() : form.holdings()) {
            p.id(h, "holdingIds").ifPresent(holdings::add);
        }
        p.check();
        return new OpenHedge(
                portfolioId,
                form.contractId(),
                side,
                size,
                entry,
                leverage,
                margin,
                form.marginSource(),
                holdings,
                target,
                "",
                fee,
                openedAt);
    }

    private OpenPage openPage(PortfolioAccess access, HedgeForms.OpenForm input, String token) {
        List<HoldingOption> holdings = portfolios
                .holdings(currentUser.id(), access.portfolio().id())
                .stream()
                .map((Holding h) -> new HoldingOption(
                        h.id(),
                        Display.amount(h.draft().quantity(), h.draft().assetSymbol()) + " ("
                                + h.draft().venue() + ")",
                        input.holds(h.id())))
                .toList();
        List<String> contracts = catalog.all().stream().map(Instrument::id).toList();
        return new OpenPage(access, input, contracts, holdings, token);
    }
}
