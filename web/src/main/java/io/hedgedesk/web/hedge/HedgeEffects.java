package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import io.hedgedesk.web.view.Display;
import java.util.ArrayList;
import java.util.List;

/** The lines of the confirmation step: what an action will record, as the ledger computed it. */
final class HedgeEffects {

    private HedgeEffects() {}

    static List<String> of(HedgeBookService.HedgeAccess access, LedgerStep step) {
        Hedge hedge = access.hedge();
        Instrument instrument = access.instrument();
        String asset = hedge.settlementAsset();
        LedgerEntry entry = step.entry();
        LedgerPosition after = step.after();
        List<String> effects = new ArrayList<>();
        switch (entry.type()) {
            case INCREASE -> {
                effects.add("Size " + Display.quantity(hedge.size()) + " → " + Display.size(after.size(), instrument));
                effects.add("Average entry " + Display.price(hedge.entryPrice(), instrument) + " → "
                        + Display.price(after.entryPrice(), instrument)
                        + (instrument.isInverse() ? " (harmonic)" : " (size-weighted)"));
            }
            case REDUCE, CLOSE -> closing(effects, hedge, instrument, entry, after, asset);
            case FUNDING ->
                effects.add("Funding " + (entry.cashChange().signum() >= 0 ? "received " : "paid ")
                        + Display.amount(entry.cashChange().abs(), asset));
            case FEE -> effects.add("Fee paid " + Display.amount(entry.fee().orElseThrow(), asset));
            case MARGIN_IN, MARGIN_OUT -> effects.add(margin(hedge, after, asset));
            case NOTE ->
                effects.add("Note"
                        + entry.correctsEventId()
                                .map(id -> " correcting event #" + id)
                                .orElse(""));
            default -> throw new IllegalStateException("unexpected " + entry.type());
        }
        if (entry.type().isTrade()) {
            entry.fee().ifPresent(f -> effects.add("Trading fee " + Display.amount(f, asset)));
        }
        effects.add("Spot holdings are not changed.");
        return effects;
    }

    private static String margin(Hedge hedge, LedgerPosition after, String asset) {
        return "Margin " + Display.amount(hedge.margin(), asset) + " → " + Display.amount(after.margin(), asset);
    }

    /** Closing lines: how much, the realized PnL, and the margin released in proportion. */
    private static void closing(
            List<String> effects,
            Hedge hedge,
            Instrument instrument,
            LedgerEntry entry,
            LedgerPosition after,
            String asset) {
        boolean whole = after.size().signum() == 0;
        effects.add("Closes " + Display.quantity(entry.quantity().orElseThrow()) + " of "
                + Display.size(hedge.size(), instrument)
                + (whole ? " (the whole position: the hedge becomes closed)" : ""));
        effects.add("Realized PnL " + Display.amount(entry.realizedPnl().orElseThrow(), asset) + " ("
                + Display.usd(entry.realizedPnlUsd().orElseThrow()) + ")");
        if (hedge.margin().compareTo(after.margin()) != 0) {
            effects.add(margin(hedge, after, asset) + " (the released margin stays in the account, available)");
        }
    }
}
