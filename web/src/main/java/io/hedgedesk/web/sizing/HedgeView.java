package io.hedgedesk.web.sizing;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.web.position.ContractView;
import io.hedgedesk.web.position.Money;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Words;
import java.math.BigDecimal;

/**
 * A sized 1:1 hedge as shown: coins at 8 decimals, USD at cents, coverage as a percentage with 2 decimals. Residuals
 * are positive when part of the bag is still unhedged (net long), negative when over-hedged.
 *
 * @param order           the opening order as the venue takes it, e.g. "SELL 175000 ETHUSD"
 * @param orderSide       BUY or SELL
 * @param orderSize       contracts (inverse) or quantity units (linear), whole steps
 * @param sizeUnit        what the size counts
 * @param margin          initial margin posted, in the asset it is posted in
 * @param marginExplained where the margin comes from and whether it is itself hedged, in words
 * @param exposureCoins   coins hedged, margin coin included
 * @param roundingResidualUsd what rounding to whole contracts left unhedged (positive) or over-hedged (negative)
 */
public record HedgeView(
        ContractView contract,
        String order,
        String orderSide,
        BigDecimal orderSize,
        String sizeUnit,
        BigDecimal notionalCoins,
        BigDecimal notionalUsd,
        Money margin,
        BigDecimal marginUsd,
        String marginSource,
        String marginExplained,
        BigDecimal extraCoins,
        BigDecimal spotCoinsAfter,
        BigDecimal exposureCoins,
        BigDecimal exposureUsd,
        BigDecimal hedgedCoins,
        BigDecimal hedgedUsd,
        BigDecimal residualCoins,
        BigDecimal residualUsd,
        BigDecimal roundingResidualCoins,
        BigDecimal roundingResidualUsd,
        BigDecimal coveragePercent,
        BigDecimal targetCoveragePercent) {

    public static HedgeView of(HedgeLeg leg) {
        Instrument instrument = leg.request().instrument();
        String coin = instrument.baseAsset().symbol();
        return new HedgeView(
                ContractView.of(instrument),
                leg.order().toString(),
                leg.order().venueSide(),
                leg.order().size(),
                ContractView.sizeUnit(instrument),
                coins(leg.notionalCoins()),
                usd(leg.notionalUsd()),
                Money.settlement(leg.margin()),
                usd(leg.marginUsd()),
                leg.request().marginSource().name(),
                explainMargin(leg, coin),
                coins(leg.extraCoins()),
                coins(leg.spotCoinsAfter()),
                coins(leg.exposureCoins()),
                usd(leg.exposureUsd()),
                coins(leg.hedgedCoins()),
                usd(leg.hedgedUsd()),
                coins(leg.residualCoins()),
                usd(leg.residualUsd()),
                coins(leg.roundingResidualCoins()),
                usd(leg.roundingResidualUsd()),
                percent(leg.coverage()),
                percent(leg.request().targetCoverage()));
    }

    /** The order as pages show it, with its unit: "SELL 175,000 contracts of 1 USD (ETHUSD)". */
    public String orderWords() {
        return Display.order(
                orderSide,
                orderSize,
                Display.sizeUnit("INVERSE".equals(contract.type()), contract.contractSize(), contract.baseAsset()),
                contract.symbol());
    }

    /** The margin source in words: "out of the bag". */
    public String marginSourceWords() {
        return Words.words(io.hedgedesk.pricing.hedge.MarginSource.class, marginSource);
    }

    static String explainMargin(HedgeLeg leg, String coin) {
        String margin =
                Display.amount(leg.margin().value(), leg.margin().asset().symbol());
        return switch (leg.request().marginSource()) {
            case OUT_OF_BAG ->
                "The " + margin + " margin comes out of your " + coin + ": the bag (spot plus margin)"
                        + " is the exposure, and the hedge covers all of it.";
            case EXTRA_COIN ->
                "You deposit " + margin + " of extra " + coin + " as margin. That coin is long exposure"
                        + " too, so the hedge is sized for the bag plus the margin.";
            case STABLECOIN ->
                "The " + margin + " margin is fresh stablecoin capital: it carries no " + coin
                        + " exposure, but it is money you add.";
        };
    }

    static BigDecimal coins(BigDecimal value) {
        return Display.satoshis(value);
    }

    public static BigDecimal usd(BigDecimal value) {
        return Display.cents(value);
    }

    static BigDecimal percent(BigDecimal fraction) {
        return Display.percentPoints(fraction);
    }
}
