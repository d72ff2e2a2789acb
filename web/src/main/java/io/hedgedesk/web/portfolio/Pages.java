package io.hedgedesk.web.portfolio;

import io.hedgedesk.domain.portfolio.HoldingInput;
import io.hedgedesk.domain.portfolio.PortfolioValuation;
import io.hedgedesk.domain.portfolio.ValuedHolding;
import io.hedgedesk.persistence.portfolio.PortfolioAccess;
import io.hedgedesk.pricing.valuation.CostBasisPnl;
import io.hedgedesk.web.hedge.CoinCoverageView;
import io.hedgedesk.web.hedge.HoldingCoverView;
import io.hedgedesk.web.hedge.NetExposureView;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Page models of the portfolio pages. */
public final class Pages {

    private Pages() {}

    /**
     * The portfolio page.
     *
     * @param access      the portfolio and the viewer's role
     * @param valuation   holdings with values and allocation
     * @param priceAssets assets of this portfolio that can take a manual price
     * @param priceAsset  the asset typed into the price form
     * @param price       the price typed into the price form
     * @param priceToken  the price form's single-use token
     * @param coins       each coin with open same-coin hedges: its exposure, coverage and the part of it at a venue as
     *                    margin
     * @param lines       each holding with its PnL against cost basis and its hedged share
     * @param total       the total cost basis and PnL
     * @param exposure    net exposure per coin: spot + coins at the venues + hedges
     * @param grid        the "update all prices" form: a row per asset
     * @param gridToken   its single-use token
     * @param value       the portfolio's value hedged and unhedged over time
     */
    public record Detail(
            PortfolioAccess access,
            PortfolioValuation valuation,
            List<String> priceAssets,
            String priceAsset,
            String price,
            String priceToken,
            List<CoinCoverageView> coins,
            List<HoldingLine> lines,
            CostBasisPnl.Total total,
            List<NetExposureView> exposure,
            List<GridRow> grid,
            String gridToken,
            PortfolioCharts.ValueChart value) {

        /** The total PnL in percent of the cost basis counted, if there is one. */
        public Optional<BigDecimal> totalPnlPercent() {
            return total.pnl().flatMap(CostBasisPnl::fraction).map(f -> f.movePointRight(2));
        }

        public boolean canEdit() {
            return access.role().canEdit();
        }

        /** The allocation chart's bars: one 10-unit row per asset, bar width = percent (of a 100-unit track). */
        public List<Bar> bars() {
            List<Bar> bars = new java.util.ArrayList<>();
            var allocations = valuation.allocations();
            for (int i = 0; i < allocations.size(); i++) {
                var a = allocations.get(i);
                String width = Display.svg(a.percent());
                bars.add(new Bar(
                        a.assetSymbol(),
                        i * 10 + 1,
                        i * 10 + 7,
                        width,
                        Display.svg(a.percent().add(java.math.BigDecimal.valueOf(32))),
                        Display.pct(a.percent())));
            }
            return bars;
        }

        /** SVG height of the allocation chart: one 10-unit row per asset. */
        public int chartHeight() {
            return Math.max(10, valuation.allocations().size() * 10);
        }
    }

    /**
     * A holding on the portfolio page.
     *
     * @param line  the holding with its value
     * @param pnl   its PnL against cost basis, when it has a price and a cost basis
     * @param cover its hedged share and hedges
     */
    public record HoldingLine(ValuedHolding line, Optional<CostBasisPnl> pnl, HoldingCoverView cover) {

        /** The PnL in percent of the cost basis, if any. */
        public Optional<BigDecimal> pnlPercent() {
            return pnl.flatMap(CostBasisPnl::fraction).map(f -> f.movePointRight(2));
        }
    }

    /**
     * A row of the "update all prices" form.
     *
     * @param asset   the coin
     * @param current its price now, as shown in the holdings table, or empty
     * @param typed   what was typed (kept after a refusal)
     * @param error   why it was refused, or empty
     */
    public record GridRow(String asset, String current, String typed, String error) {

        /** The field's id and name: {@code price-<ASSET>}. */
        public String field() {
            return "price-" + asset;
        }
    }

    /** One bar of the allocation chart, in SVG user units. */
    public record Bar(String assetSymbol, int barY, int textY, String width, String labelX, String percent) {}

    /**
     * The add/edit holding form.
     *
     * @param access    the portfolio and the viewer's role
     * @param holdingId 0 for a new holding
     * @param input     what is shown in the fields (typed, or stored)
     * @param formToken single-use token (add only)
     * @param version   the version the form will submit
     * @param conflict  empty, or the message saying who changed the holding meanwhile
     * @param current   the stored values when there is a conflict (else the same as {@code input})
     * @param assets    the known assets, for the asset list
     */
    public record HoldingEdit(
            PortfolioAccess access,
            long holdingId,
            HoldingInput input,
            String formToken,
            long version,
            String conflict,
            HoldingInput current,
            List<String> assets) {

        public boolean isNew() {
            return holdingId == 0;
        }

        public String action() {
            long p = access.portfolio().id();
            return isNew() ? "/portfolios/" + p + "/holdings" : "/portfolios/" + p + "/holdings/" + holdingId;
        }
    }
}
