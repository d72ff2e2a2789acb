package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.DuplicateSubmissionException;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.support.Recorded;
import io.hedgedesk.web.user.CurrentUser;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A hedge's tracking page with its ledger, and its actions (increase, reduce, close, funding, fee, margin, note)
 * through a validated form and a confirmation step. Close targets, the typed mark and voiding have their own
 * resources ({@link HedgeTargetsResource}, {@link HedgeVoidResource}).
 * Viewers see everything and get no forms; their writes are refused (403) and change nothing.
 */
@Path("/hedges/{hedgeId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HedgeResource {

    private static final Logger LOG = Logger.getLogger(HedgeResource.class);

    private final CurrentUser currentUser;
    private final HedgeBookService book;
    private final FormTokens formTokens;
    private final HedgePage page;

    public HedgeResource(CurrentUser currentUser, HedgeBookService book, FormTokens formTokens, HedgePage page) {
        this.currentUser = currentUser;
        this.book = book;
        this.formTokens = formTokens;
        this.page = page;
    }

    // -------------------------------------------------------------------------------------------- tracking

    @GET
    public TemplateInstance track(@RestPath long hedgeId, @RestQuery String flash) {
        HedgeView view = page.view(hedgeId);
        return page.track(
                page.page(view, HedgeForms.ActionForm.empty(view.version()), ""), Map.of(), Flash.message(flash));
    }

    /**
     * Step 1: validates the action; a valid one is redirected to the review page (post/redirect/get, with a new
     * submission key in its address), an invalid one is the hedge's page with the banner. Nothing is saved.
     */
    @POST
    @Path("confirm")
    public Response confirm(@RestPath long hedgeId, @BeanParam HedgeForms.ActionForm form) {
        HedgeBookService.HedgeAccess access = page.actable(hedgeId);
        try {
            book.preview(access, action(form));
            return Response.seeOther(HedgeForms.reviewUri(
                            hedgeId, form.withToken(formTokens.issue().toString())))
                    .build();
        } catch (InvalidHedgeException e) {
            LOG.infof(
                    "Hedge action refused for user %d: fields %s",
                    currentUser.id(), e.errors().keySet());
            return page.invalid(hedgeId, form, e.errors());
        }
    }

    /**
     * The review page of an action (its fields and submission key in the address, so refresh and Back show it again
     * and never post anything): what it will record, or, once its key was used, what was recorded.
     */
    @GET
    @Path("confirm")
    public Response review(@RestPath long hedgeId, @BeanParam HedgeForms.ActionQuery query) {
        HedgeBookService.HedgeAccess access = page.actable(hedgeId);
        HedgeForms.ActionForm form = query.form();
        Optional<UUID> key = HedgeForms.key(form.formToken());
        if (key.isEmpty()) {
            return Response.seeOther(HedgeForms.reviewUri(
                            hedgeId, form.withToken(formTokens.issue().toString())))
                    .build();
        }
        HedgeView view = page.view(hedgeId);
        Optional<FormTokens.Submission> done = formTokens.find(key.get(), currentUser.id());
        if (done.isPresent()) {
            return Response.ok(page.confirm(new HedgePage.ConfirmPage(
                            view,
                            form,
                            List.of(),
                            Recorded.of(done.get(), "This action", "/hedges/" + hedgeId + "#event-"))))
                    .build();
        }
        try {
            List<String> effects = HedgeEffects.of(access, book.preview(access, action(form)));
            return Response.ok(page.confirm(new HedgePage.ConfirmPage(view, form, effects, null)))
                    .build();
        } catch (InvalidHedgeException e) {
            return page.invalid(hedgeId, form, e.errors());
        }
    }

    /** Step 2: records the confirmed action (single-use token, version checked). */
    @POST
    @Path("actions")
    public Response act(@RestPath long hedgeId, @BeanParam HedgeForms.ActionForm form) {
        page.actable(hedgeId);
        UUID token = FormTokens.parse(form.formToken());
        long version = form.version() == null ? -1 : form.version();
        try {
            book.act(currentUser.id(), hedgeId, token, version, action(form));
            return Flash.redirect("/hedges/" + hedgeId, "hedge-recorded");
        } catch (InvalidHedgeException e) {
            return page.invalid(hedgeId, form, e.errors());
        } catch (StaleEditException e) {
            HedgeView view = page.view(hedgeId);
            LOG.infof(
                    "Edit conflict on hedge %d by user %d (submitted version %d, stored %d)",
                    hedgeId, currentUser.id(), version, view.version());
            return Response.status(409)
                    .entity(page.track(
                            page.page(
                                    view,
                                    new HedgeForms.ActionForm(
                                            form.type(),
                                            form.quantity(),
                                            form.price(),
                                            form.amount(),
                                            form.fee(),
                                            form.fundingRate(),
                                            form.usdPrice(),
                                            form.occurredAt(),
                                            form.note(),
                                            form.correctsEventId(),
                                            view.version(),
                                            ""),
                                    "Someone recorded something on this hedge meanwhile. Nothing was saved. The current position is shown;"
                                            + " check it and submit again if you still want your action."),
                            Map.of(),
                            ""))
                    .build();
        } catch (DuplicateSubmissionException e) {
            return Flash.redirect("/hedges/" + hedgeId, "already-saved");
        }
    }

    static HedgeAction action(HedgeForms.ActionForm form) {
        Parse p = new Parse();
        HedgeEventType type = p.choice(HedgeEventType.class, form.type(), "type");
        if (type == HedgeEventType.OPEN) {
            p.fail("type", "Choose one from the list.");
        }
        Optional<BigDecimal> quantity = p.decimal(form.quantity(), "quantity", "Quantity");
        Optional<BigDecimal> price = p.decimal(form.price(), "price", "Fill price");
        Optional<BigDecimal> amount = p.decimal(form.amount(), "amount", "Amount");
        Optional<BigDecimal> fee = p.decimal(form.fee(), "fee", "Trading fee");
        Optional<BigDecimal> rate = p.decimal(form.fundingRate(), "fundingRate", "Funding rate");
        Optional<BigDecimal> usd = p.decimal(form.usdPrice(), "usdPrice", "USD price of the settlement asset");
        Optional<java.time.Instant> at = p.utcTime(form.occurredAt(), "occurredAt");
        Optional<Long> corrects = p.id(form.correctsEventId(), "correctsEventId");
        p.check();
        return new HedgeAction(type, quantity, price, amount, fee, rate, usd, at, form.note(), corrects);
    }
}
