package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import java.util.ArrayList;
import java.util.List;

/**
 * A hedge about to be recorded from a plan, as the confirmation page shows it: margin and fee with the asset they are
 * paid in (the contract's settlement asset), where the margin comes from in words, and the leg's fills as typed
 * (fields named by the leg's {@code index}).
 */
public record RecordRow(int index, OpenHedge hedge, String asset, String marginFrom, LegFills fills) {

  static List<RecordRow> of(List<OpenHedge> hedges, List<LegFills> fills, ContractCatalog catalog) {
    List<RecordRow> rows = new ArrayList<>();
    for (int i = 0; i < hedges.size(); i++) {
      OpenHedge h = hedges.get(i);
      rows.add(new RecordRow(i, h, catalog.get(h.contractId()).settlementAsset().symbol(), words(h.marginSource()),
          fills.get(i)));
    }
    return rows;
  }

  /** The fill rows' positions, for the page's loop. */
  public List<Integer> fillRows() {
    return java.util.stream.IntStream.range(0, LegFills.ROWS).boxed().toList();
  }

  /** The planner form's words for a margin source. */
  static String words(String marginSource) {
    return switch (marginSource) {
      case "OUT_OF_BAG" -> "out of the bag";
      case "EXTRA_COIN" -> "extra coin";
      case "STABLECOIN" -> "stablecoins";
      default -> marginSource;
    };
  }
}
