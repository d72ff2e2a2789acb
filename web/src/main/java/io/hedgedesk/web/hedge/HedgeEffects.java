package io.hedgedesk.web.hedge;

import io.hedgedesk.domain.hedge.Hedge;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.pricing.ledger.LedgerStep;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import java.util.ArrayList;
import java.util.List;

/** The lines of the confirmation step: what an action will record, as the ledger computed it. */
final class HedgeEffects {

  private HedgeEffects() {
  }

  static List<String> of(HedgeBookService.HedgeAccess access, LedgerStep step) {
    Hedge hedge = access.hedge();
    Instrument instrument = access.instrument();
    String asset = hedge.settlementAsset();
    LedgerEntry entry = step.entry();
    LedgerPosition after = step.after();
    List<String> effects = new ArrayList<>();
    switch (entry.type()) {
      case INCREASE -> {
        effects.add("Size " + Show.plain(hedge.size()) + " → " + Show.plain(after.size()));
        effects.add("Average entry " + Show.price(hedge.entryPrice(), instrument) + " → "
            + Show.price(after.entryPrice(), instrument)
            + (instrument.isInverse() ? " (harmonic)" : " (size-weighted)"));
      }
      case REDUCE, CLOSE -> closing(effects, hedge, entry, after, asset);
      case FUNDING -> effects.add("Funding " + (entry.cashChange().signum() >= 0 ? "received " : "paid ")
          + Show.amount(entry.cashChange().abs(), asset) + " " + asset);
      case FEE -> effects.add("Fee paid " + Show.amount(entry.fee().orElseThrow(), asset) + " " + asset);
      case MARGIN_IN, MARGIN_OUT -> effects.add(margin(hedge, after, asset));
      case NOTE -> effects.add("Note" + entry.correctsEventId().map(id -> " correcting event #" + id).orElse(""));
      default -> throw new IllegalStateException("unexpected " + entry.type());
    }
    if (entry.type().isTrade()) {
      entry.fee().ifPresent(f -> effects.add("Trading fee " + Show.amount(f, asset) + " " + asset));
    }
    effects.add("Spot holdings are not changed.");
    return effects;
  }

  private static String margin(Hedge hedge, LedgerPosition after, String asset) {
    return "Margin " + Show.amount(hedge.margin(), asset) + " → " + Show.amount(after.margin(), asset) + " " + asset;
  }

  /** Closing lines: how much, the realized PnL, and the margin released in proportion. */
  private static void closing(List<String> effects, Hedge hedge, LedgerEntry entry, LedgerPosition after,
                              String asset) {
    boolean whole = after.size().signum() == 0;
    effects.add("Closes " + Show.plain(entry.quantity().orElseThrow()) + " of " + Show.plain(hedge.size())
        + (whole ? " (the whole position: the hedge becomes CLOSED)" : ""));
    effects.add("Realized PnL " + Show.amount(entry.realizedPnl().orElseThrow(), asset) + " " + asset + " ("
        + Show.usd(entry.realizedPnlUsd().orElseThrow()) + " USD)");
    if (hedge.margin().compareTo(after.margin()) != 0) {
      effects.add(margin(hedge, after, asset) + " (the released margin stays in the account, available)");
    }
  }
}
