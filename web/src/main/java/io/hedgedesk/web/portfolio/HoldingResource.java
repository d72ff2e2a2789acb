package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.domain.portfolio.HoldingDraft;
import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.InvalidHoldingException;
import io.hedgedesk.domain.portfolio.KnownAssets;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.OnceKey;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.hedgedesk.web.view.Times;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Add, edit and delete holdings of a portfolio. Viewers get no forms and their writes are refused. */
@Path("/portfolios/{portfolioId}/holdings")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HoldingResource {

    private static final Logger LOG = Logger.getLogger(HoldingResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Viewer viewer, Pages.HoldingEdit page, Map<String, String> errors);

        static native TemplateInstance confirmDelete(
                Viewer viewer, PortfolioAccess access, Holding holding, String conflict);
    }

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final FormTokens formTokens;
    private final Clock clock;

    private final OnceKey once;

    public HoldingResource(
            CurrentUser currentUser, PortfolioService portfolios, FormTokens formTokens, Clock clock, OnceKey once) {
        this.once = once;
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.formTokens = formTokens;
        this.clock = clock;
    }

    @GET
    @Path("new")
    public TemplateInstance newForm(@RestPath long portfolioId) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        return Templates.form(
                currentUser.viewer(),
                edit(access, 0, HoldingInput.EMPTY, once.token(), 0, "", HoldingInput.EMPTY),
                Map.of());
    }

    @POST
    public Response add(@RestPath long portfolioId, @BeanParam HoldingForm form) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        HoldingInput input = form.input();
        UUID token = FormTokens.parse(form.formToken());
        try {
            portfolios.addHolding(currentUser.id(), portfolioId, token, HoldingDraft.parse(input, today()));
            return Flash.redirect("/portfolios/" + portfolioId, "holding-added");
        } catch (InvalidHoldingException e) {
            return invalid(e, edit(access, 0, input, token.toString(), 0, "", input));
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/portfolios/" + portfolioId, "already-saved");
        }
    }

    @GET
    @Path("{holdingId}/edit")
    public TemplateInstance editForm(@RestPath long portfolioId, @RestPath long holdingId) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        Holding h = portfolios.holding(currentUser.id(), portfolioId, holdingId);
        return Templates.form(
                currentUser.viewer(), edit(access, holdingId, h.toInput(), "", h.version(), "", h.toInput()), Map.of());
    }

    @POST
    @Path("{holdingId}")
    public Response update(@RestPath long portfolioId, @RestPath long holdingId, @BeanParam HoldingForm form) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        Holding stored = portfolios.holding(currentUser.id(), portfolioId, holdingId);
        HoldingInput input = form.input();
        long version = form.version() == null ? -1 : form.version();
        try {
            portfolios.updateHolding(
                    currentUser.id(), portfolioId, holdingId, version, HoldingDraft.parse(input, today()));
            return Flash.redirect("/portfolios/" + portfolioId, "holding-saved");
        } catch (InvalidHoldingException e) {
            return invalid(e, edit(access, holdingId, input, "", version, "", stored.toInput()));
        } catch (StaleEditException e) {
            Holding current = portfolios.holding(currentUser.id(), portfolioId, holdingId);
            LOG.infof(
                    "Edit conflict on holding %d by user %d (submitted version %d, stored %d)",
                    holdingId, currentUser.id(), version, current.version());
            return Response.status(409)
                    .entity(Templates.form(
                            currentUser.viewer(),
                            edit(
                                    access,
                                    holdingId,
                                    input,
                                    "",
                                    current.version(),
                                    conflictMessage(current),
                                    current.toInput()),
                            Map.of()))
                    .build();
        }
    }

    @GET
    @Path("{holdingId}/delete")
    public TemplateInstance confirmDelete(@RestPath long portfolioId, @RestPath long holdingId) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        return Templates.confirmDelete(
                currentUser.viewer(), access, portfolios.holding(currentUser.id(), portfolioId, holdingId), "");
    }

    @POST
    @Path("{holdingId}/delete")
    public Response delete(@RestPath long portfolioId, @RestPath long holdingId, @RestForm Long version) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "change holdings");
        try {
            portfolios.deleteHolding(currentUser.id(), portfolioId, holdingId, version == null ? -1 : version);
            return Flash.redirect("/portfolios/" + portfolioId, "holding-deleted");
        } catch (StaleEditException e) {
            Holding current = portfolios.holding(currentUser.id(), portfolioId, holdingId);
            return Response.status(409)
                    .entity(Templates.confirmDelete(currentUser.viewer(), access, current, conflictMessage(current)))
                    .build();
        }
    }

    private static String conflictMessage(Holding current) {
        return current.updatedByName() + " changed this holding at " + Times.utc(current.updatedAt())
                + ". Nothing was saved. The current values are shown; check them and save again if you still want your change.";
    }

    private Response invalid(InvalidHoldingException e, Pages.HoldingEdit page) {
        LOG.infof(
                "Holding input refused for user %d: fields %s",
                currentUser.id(), e.errors().keySet());
        return Response.status(400)
                .entity(Templates.form(currentUser.viewer(), page, e.errors()))
                .build();
    }

    private static Pages.HoldingEdit edit(
            PortfolioAccess access,
            long holdingId,
            HoldingInput input,
            String token,
            long version,
            String conflict,
            HoldingInput current) {
        return new Pages.HoldingEdit(access, holdingId, input, token, version, conflict, current, KnownAssets.SYMBOLS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
