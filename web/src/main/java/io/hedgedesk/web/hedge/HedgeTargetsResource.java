package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Flash;
import io.hedgedesk.web.user.CurrentUser;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** A hedge's close targets (stop, take profit, funding budget) and the coin's price typed by hand. */
@Path("/hedges/{hedgeId: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class HedgeTargetsResource {

    private static final Logger LOG = Logger.getLogger(HedgeTargetsResource.class);

    private final CurrentUser currentUser;
    private final HedgeBookService book;
    private final HedgePage page;

    public HedgeTargetsResource(CurrentUser currentUser, HedgeBookService book, HedgePage page) {
        this.currentUser = currentUser;
        this.book = book;
        this.page = page;
    }

    @POST
    @Path("targets")
    public Response targets(@RestPath long hedgeId, @BeanParam HedgeForms.TargetsForm form) {
        page.actable(hedgeId);
        Parse p = new Parse();
        Optional<BigDecimal> stop = p.decimal(form.stopPrice(), "stopPrice", "Stop at price");
        Optional<BigDecimal> take = p.decimal(form.takeProfitPrice(), "takeProfitPrice", "Take profit at price");
        Optional<BigDecimal> funding = p.decimal(form.maxFundingCostUsd(), "maxFundingCostUsd", "Maximum funding cost");
        try {
            p.check();
            book.setTargets(
                    currentUser.id(), hedgeId, form.version() == null ? -1 : form.version(), stop, take, funding);
            return Flash.redirect("/hedges/" + hedgeId, "targets-saved");
        } catch (InvalidHedgeException e) {
            // the typed values stay in the form; the message heads the page, each field shows its own
            LOG.infof(
                    "Close targets refused for user %d: fields %s",
                    currentUser.id(), e.errors().keySet());
            HedgeView view = page.view(hedgeId);
            String refusal = "Nothing was saved: "
                    + e.errors().entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(Map.Entry::getValue)
                            .collect(Collectors.joining(" "));
            return Response.status(400)
                    .entity(page.track(
                            page.page(
                                    view,
                                    HedgeForms.ActionForm.empty(view.version()),
                                    "",
                                    form.withVersion(view.version()),
                                    refusal),
                            e.errors(),
                            ""))
                    .build();
        } catch (StaleEditException e) {
            return page.refused(409, hedgeId, Map.of(), "Someone changed this hedge meanwhile. Nothing was saved.");
        }
    }

    @POST
    @Path("mark")
    public Response mark(@RestPath long hedgeId, @RestForm String mark, @RestForm Long version) {
        page.actable(hedgeId);
        Parse p = new Parse();
        BigDecimal price = p.required(mark, "mark", "Price of the coin now");
        try {
            p.check();
            book.enterMark(currentUser.id(), hedgeId, version == null ? -1 : version, price);
            return Flash.redirect("/hedges/" + hedgeId, "price-saved");
        } catch (InvalidHedgeException e) {
            return page.refused(400, hedgeId, e.errors(), "");
        } catch (StaleEditException e) {
            return Flash.redirect("/hedges/" + hedgeId, "already-saved");
        }
    }
}
