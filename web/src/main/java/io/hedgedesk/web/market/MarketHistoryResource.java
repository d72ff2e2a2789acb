package io.hedgedesk.web.market;

import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.web.user.CurrentUser;
import io.hedgedesk.web.user.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The stored market history (shipped with the app, loaded at start-up): what exists and its latest close. */
@Path("/market/history")
@Produces(MediaType.TEXT_HTML)
public class MarketHistoryResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(
                Viewer viewer, List<MarketHistoryRows.PriceRow> prices, List<MarketHistoryRows.FundingRow> funding);
    }

    private final CurrentUser currentUser;
    private final PriceHistoryRepository prices;
    private final FundingHistoryRepository funding;

    public MarketHistoryResource(
            CurrentUser currentUser, PriceHistoryRepository prices, FundingHistoryRepository funding) {
        this.currentUser = currentUser;
        this.prices = prices;
        this.funding = funding;
    }

    @GET
    public TemplateInstance history() {
        List<HistoryCoverage> priceCoverage = prices.coverage();
        Map<String, PriceQuote> latest = prices.latestCloses(
                priceCoverage.stream().map(HistoryCoverage::assetSymbol).toList());
        return Templates.history(
                currentUser.viewer(),
                MarketHistoryRows.prices(priceCoverage, latest, prices.writers()),
                MarketHistoryRows.funding(funding.coverage(), funding.writers()));
    }
}
