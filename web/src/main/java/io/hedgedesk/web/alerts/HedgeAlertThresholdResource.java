package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.RoleRefusedException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.alerts.AlertThresholdStore;
import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.web.hedge.AlertWords;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.support.Flash;
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
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A hedge's own alert thresholds (the form is on the hedge's page, {@code alerts/hedgeThresholds}; a refused one is
 * shown here). Viewers see them and get no form; their writes are refused (403).
 */
@Path("/hedges/{hedgeId: [0-9]+}/alerts")
@Produces(MediaType.TEXT_HTML)
public class HedgeAlertThresholdResource {

    private final CurrentUser currentUser;
    private final HedgeBookService book;
    private final AlertThresholdStore store;
    private final AlertDefaults defaults;

    public HedgeAlertThresholdResource(
            CurrentUser currentUser, HedgeBookService book, AlertThresholdStore store, AlertDefaults defaults) {
        this.currentUser = currentUser;
        this.book = book;
        this.store = store;
        this.defaults = defaults;
    }

    @GET
    public TemplateInstance hedge(@RestPath long hedgeId) {
        HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
        return ThresholdPages.Templates.edit(
                currentUser.viewer(), hedgePage(access, ThresholdForm.of(store.hedge(hedgeId)), ""), Map.of(), "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveHedge(@RestPath long hedgeId, @BeanParam ThresholdForm form) {
        HedgeBookService.HedgeAccess access = book.hedge(currentUser.id(), hedgeId);
        if (!access.canAct()) {
            throw new RoleRefusedException(access.portfolio().role(), "set alert thresholds");
        }
        try {
            store.save(
                    access.hedge().portfolioId(),
                    Optional.of(hedgeId),
                    form.parse(),
                    form.versionOrZero(),
                    currentUser.id());
            return Flash.redirect("/hedges/" + hedgeId, "alerts-saved");
        } catch (InvalidHedgeException e) {
            return Response.status(400)
                    .entity(ThresholdPages.Templates.edit(
                            currentUser.viewer(),
                            hedgePage(
                                    access,
                                    form.withVersion(store.hedge(hedgeId).version()),
                                    ThresholdPages.refusal(e)),
                            e.errors(),
                            ""))
                    .build();
        } catch (StaleEditException e) {
            return Response.status(409)
                    .entity(ThresholdPages.Templates.edit(
                            currentUser.viewer(),
                            hedgePage(access, ThresholdForm.of(store.hedge(hedgeId)), ThresholdPages.STALE),
                            Map.of(),
                            ""))
                    .build();
        }
    }

    private ThresholdPages.EditPage hedgePage(HedgeBookService.HedgeAccess access, ThresholdForm form, String refusal) {
        long portfolioId = access.hedge().portfolioId();
        StoredThresholds portfolio = store.portfolioDefaults(portfolioId);
        String above = AlertWords.thresholds(AlertDefaults.settings(portfolio).over(defaults.installation()));
        return new ThresholdPages.EditPage(
                "Alert thresholds of hedge #" + access.hedge().id() + " "
                        + access.instrument().id(),
                "/hedges/" + access.hedge().id(),
                "/hedges/" + access.hedge().id() + "/alerts",
                form,
                AlertWords.thresholds(
                        defaults.resolve(portfolio, store.hedge(access.hedge().id()))),
                "the portfolio's defaults (" + above + ")",
                access.canAct(),
                refusal,
                false);
    }
}
