package io.hedgedesk.web.connection;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.reconcile.PositionCheck;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A position the exchange reported, beside the open hedge it matches (same contract and side), if any.
 *
 * @param hedgeId    the matching hedge; empty when none records it (the page offers to record one)
 * @param check      the differences exchange − recorded, when a hedge matches
 */
public record PositionRow(
        String contractId,
        boolean shortSide,
        BigDecimal size,
        BigDecimal entryPrice,
        BigDecimal markPrice,
        BigDecimal margin,
        Optional<BigDecimal> liquidationPrice,
        BigDecimal unrealizedPnl,
        BigDecimal leverage,
        Instant syncedAt,
        Optional<Long> hedgeId,
        Optional<String> portfolioName,
        Optional<PositionCheck> check,
        Optional<Instrument> instrument) {

    public String side() {
        return shortSide ? "short" : "long";
    }

    /** "1,334 contracts of 10 USD"; the bare number for a contract the catalog does not know. */
    public String sizeText() {
        return instrument.map(i -> Display.size(size, i)).orElse(Display.quantity(size));
    }

    public String sizeDifferenceText() {
        return check.map(c -> instrument
                        .map(i -> Display.size(c.sizeDifference(), i))
                        .orElse(Display.quantity(c.sizeDifference())))
                .orElse("");
    }

    public String entryText() {
        return price(entryPrice);
    }

    public String entryDifferenceText() {
        return check.map(c -> Display.price(c.entryDifference())).orElse("");
    }

    public String markText() {
        return price(markPrice);
    }

    public String liquidationText() {
        return liquidationPrice.map(this::price).orElse(Display.NONE);
    }

    /** Margin and PnL are in the contract's settlement asset. */
    public String marginText() {
        return amount(margin);
    }

    public String marginDifferenceText() {
        return check.map(c -> amount(c.marginDifference())).orElse("");
    }

    public String unrealizedPnlText() {
        return amount(unrealizedPnl);
    }

    private String price(BigDecimal value) {
        return instrument.map(i -> Display.price(value, i)).orElse(Display.price(value));
    }

    private String amount(BigDecimal value) {
        return instrument
                .map(i -> Display.amount(value, i.settlementAsset().symbol()))
                .orElse(Display.quantity(value));
    }
}
