package io.hedgedesk.web.alerts;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.persistence.StaleEditException;
import io.hedgedesk.persistence.alerts.AlertThresholdStore;
import io.hedgedesk.persistence.alerts.StoredThresholds;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.web.hedge.AlertWords;
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
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A portfolio's default alert thresholds for its hedges. Viewers see them and get no form; their writes: 403. */
@Path("/portfolios/{portfolioId: [0-9]+}/alerts")
@Produces(MediaType.TEXT_HTML)
public class PortfolioAlertThresholdResource {

    private final CurrentUser currentUser;
    private final PortfolioService portfolios;
    private final AlertThresholdStore store;
    private final AlertDefaults defaults;

    public PortfolioAlertThresholdResource(
            CurrentUser currentUser, PortfolioService portfolios, AlertThresholdStore store, AlertDefaults defaults) {
        this.currentUser = currentUser;
        this.portfolios = portfolios;
        this.store = store;
        this.defaults = defaults;
    }

    @GET
    public TemplateInstance portfolio(@RestPath long portfolioId, @RestQuery String flash) {
        PortfolioAccess access = portfolios.access(currentUser.id(), portfolioId);
        return ThresholdPages.Templates.edit(
                currentUser.viewer(),
                portfolioPage(access, ThresholdForm.of(store.portfolioDefaults(portfolioId)), ""),
                Map.of(),
                Flash.message(flash));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response savePortfolio(@RestPath long portfolioId, @BeanParam ThresholdForm form) {
        PortfolioAccess access = portfolios.writable(currentUser.id(), portfolioId, "set alert thresholds");
        try {
            store.save(portfolioId, Optional.empty(), form.parse(), form.versionOrZero(), currentUser.id());
            return Response.seeOther(URI.create("/portfolios/" + portfolioId + "/alerts?flash=alerts-saved"))
                    .build();
        } catch (InvalidHedgeException e) {
            return Response.status(400)
                    .entity(ThresholdPages.Templates.edit(
                            currentUser.viewer(),
                            portfolioPage(
                                    access,
                                    form.withVersion(
                                            store.portfolioDefaults(portfolioId).version()),
                                    ThresholdPages.refusal(e)),
                            e.errors(),
                            ""))
                    .build();
        } catch (StaleEditException e) {
            return Response.status(409)
                    .entity(ThresholdPages.Templates.edit(
                            currentUser.viewer(),
                            portfolioPage(
                                    access,
                                    ThresholdForm.of(store.portfolioDefaults(portfolioId)),
                                    ThresholdPages.STALE),
                            Map.of(),
                            ""))
                    .build();
        }
    }

    private ThresholdPages.EditPage portfolioPage(PortfolioAccess access, ThresholdForm form, String refusal) {
        long id = access.portfolio().id();
        return new ThresholdPages.EditPage(
                "Alert thresholds of " + access.portfolio().name() + " (defaults of its hedges)",
                "/portfolios/" + id,
                "/portfolios/" + id + "/alerts",
                form,
                AlertWords.thresholds(defaults.resolve(store.portfolioDefaults(id), StoredThresholds.NONE)),
                "the installation's (" + AlertWords.thresholds(defaults.installation()) + ")",
                access.role().canEdit(),
                refusal,
                true);
    }
}
