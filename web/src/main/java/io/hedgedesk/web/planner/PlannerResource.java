package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.Recorded;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The hedge planner of a portfolio: a GET form (inputs in the URL, bookmarkable, no state change), and "record as
 * opened" (a confirmation page, then a POST with the CSRF token). Authorized like the portfolio pages: a portfolio
 * outside the user's teams is a 404; viewers may plan but not record.
 */
@Path("/portfolios/{portfolioId}/plan")
@Produces(MediaType.TEXT_HTML)
public class PlannerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(Viewer viewer, PlanPage page, String query);

        static native TemplateInstance confirm(
                Viewer viewer,
                PlanPage page,
                String strategy,
                List<RecordRow> hedges,
                String formToken,
                String query,
                String digest,
                String problem,
                Map<String, String> errors,
                Recorded recorded);
    }

    private final CurrentUser currentUser;
    private final PlanService planner;
    private final PlanRecorder recorder;
    private final PortfolioService portfolios;
    private final FormTokens formTokens;
    private final ContractCatalog catalog;

    public PlannerResource(
            CurrentUser currentUser,
            PlanService planner,
            PlanRecorder recorder,
            PortfolioService portfolios,
            FormTokens formTokens,
            ContractCatalog catalog) {
        this.currentUser = currentUser;
        this.planner = planner;
        this.recorder = recorder;
        this.portfolios = portfolios;
        this.formTokens = formTokens;
        this.catalog = catalog;
    }

    @GET
    public TemplateInstance plan(@RestPath long portfolioId, @Context UriInfo uri) {
        String query = PlanQuery.raw(uri);
        PlanPage page = planner.plan(currentUser.id(), portfolioId, PlanRequest.bind(PlanQuery.parse(query)));
        return Templates.plan(currentUser.viewer(), page, query);
    }

    /**
     * What "record as opened" would record, with the POST form (editors only): each leg's fills, fee and opening time
     * pre-filled from the plan. The page's address carries the form's submission key (a first visit is redirected to
     * one), so Back shows the same key again: once it was submitted, the page says what it recorded instead.
     */
    @GET
    @Path("confirm")
    public Response confirm(
            @RestPath long portfolioId, @RestQuery String strategy, @RestQuery String query, @RestQuery String key) {
        long userId = currentUser.id();
        portfolios.writable(userId, portfolioId, "record hedges");
        String inputs = query == null ? "" : query;
        PlanRecorder.Strategy chosen = Inputs.choice("strategy", strategy, PlanRecorder.Strategy.class);
        Optional<UUID> submission = PlanQuery.key(key);
        if (submission.isEmpty()) {
            return Response.seeOther(URI.create(PlanQuery.confirmPath(portfolioId, chosen, inputs, UUID.randomUUID())))
                    .build();
        }
        PlanRequest request = PlanRequest.bind(PlanQuery.parse(inputs));
        PlanPage page = planner.plan(userId, portfolioId, request);
        Optional<FormTokens.Submission> done = formTokens.find(submission.get(), userId);
        if (done.isPresent()) {
            return Response.ok(confirmPage(
                            page,
                            chosen,
                            List.of(),
                            List.of(),
                            submission.get(),
                            inputs,
                            "",
                            Map.of(),
                            Recorded.of(done.get(), "This plan", "/hedges/")))
                    .build();
        }
        List<OpenHedge> hedges = recorder.commands(page, chosen, request);
        Recorded earlier = hedges.isEmpty()
                ? formTokens
                        .latest(PlanRecorder.subject(portfolioId, chosen, inputs))
                        .map(s -> Recorded.of(s, "This plan", "/hedges/"))
                        .orElse(null)
                : null;
        return Response.ok(confirmPage(
                        page,
                        chosen,
                        hedges,
                        LegFills.planned(hedges),
                        submission.get(),
                        inputs,
                        hedges.isEmpty() && earlier == null ? "This plan has no hedge to record." : "",
                        Map.of(),
                        earlier))
                .build();
    }

    /**
     * Records the confirmed plan with the fills as typed: the plan is computed again from the same inputs and recorded
     * only if it is still what was confirmed (prices can move in between; the fills are the user's and not part of
     * that check), one hedge per leg in one transaction, once per submission key. A repeated submission records
     * nothing and says what the first one recorded.
     */
    @POST
    @Path("record")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(
            @RestPath long portfolioId,
            @RestForm String strategy,
            @RestForm String query,
            @RestForm String digest,
            @RestForm String formToken,
            @RestForm("size") List<String> sizes,
            @RestForm("price") List<String> prices,
            @RestForm("fee") List<String> fees,
            @RestForm("openedAt") List<String> openedAts) {
        long userId = currentUser.id();
        portfolios.writable(userId, portfolioId, "record hedges");
        String inputs = query == null ? "" : query;
        PlanRecorder.Strategy chosen = Inputs.choice("strategy", strategy, PlanRecorder.Strategy.class);
        UUID key = FormTokens.parse(formToken);
        PlanRequest request = PlanRequest.bind(PlanQuery.parse(inputs));
        PlanPage page = planner.plan(userId, portfolioId, request);
        Optional<FormTokens.Submission> done = formTokens.find(key, userId);
        if (done.isPresent()) {
            return Response.status(409)
                    .entity(confirmPage(
                            page,
                            chosen,
                            List.of(),
                            List.of(),
                            key,
                            inputs,
                            "",
                            Map.of(),
                            Recorded.of(done.get(), "This plan", "/hedges/")))
                    .build();
        }
        String subject = PlanRecorder.subject(portfolioId, chosen, inputs);
        List<OpenHedge> hedges = recorder.commands(page, chosen, request);
        if (hedges.isEmpty()) {
            // Most often a second submission of a plan already recorded: the open hedges now insure what it planned.
            Optional<Recorded> earlier = formTokens.latest(subject).map(s -> Recorded.of(s, "This plan", "/hedges/"));
            String problem = earlier.isPresent()
                    ? "Nothing was recorded again."
                    : "Nothing was recorded: "
                            + (chosen == PlanRecorder.Strategy.PROXY
                                    ? page.proxyProblem().orElse("this plan has no hedge to record.")
                                    : "this plan has no hedge to record; coins already insured by open hedges are not hedged twice.");
            return Response.status(409)
                    .entity(confirmPage(
                            page, chosen, hedges, List.of(), key, inputs, problem, Map.of(), earlier.orElse(null)))
                    .build();
        }
        List<LegFills> typed = sizes == null || sizes.isEmpty()
                ? LegFills.planned(hedges)
                : LegFills.typed(hedges.size(), sizes, prices, fees, openedAts);
        if (!PlanRecorder.digest(hedges).equals(digest)) {
            return Response.status(409)
                    .entity(confirmPage(
                            page,
                            chosen,
                            hedges,
                            typed,
                            key,
                            inputs,
                            "Nothing was saved: the plan changed since you confirmed it (a price or a holding moved). Check it again"
                                    + " below; your fills are kept.",
                            Map.of(),
                            null))
                    .build();
        }
        try {
            List<Long> ids = recorder.record(userId, key, subject, LegFills.apply(hedges, typed, catalog));
            // One hedge: its page; several: the list of hedges.
            return Flash.redirect(ids.size() == 1 ? "/hedges/" + ids.get(0) : "/hedges", "hedge-opened");
        } catch (DuplicateSubmissionException e) {
            return Response.seeOther(URI.create(PlanQuery.confirmPath(portfolioId, chosen, inputs, key)))
                    .build();
        } catch (InvalidHedgeException e) {
            return Response.status(400)
                    .entity(confirmPage(page, chosen, hedges, typed, key, inputs, "", e.errors(), null))
                    .build();
        }
    }

    private TemplateInstance confirmPage(
            PlanPage page,
            PlanRecorder.Strategy strategy,
            List<OpenHedge> hedges,
            List<LegFills> fills,
            UUID key,
            String inputs,
            String problem,
            Map<String, String> errors,
            Recorded recorded) {
        return Templates.confirm(
                currentUser.viewer(),
                page,
                strategy.name(),
                RecordRow.of(hedges, fills, catalog),
                key.toString(),
                inputs,
                PlanRecorder.digest(hedges),
                problem,
                errors,
                recorded);
    }
}
