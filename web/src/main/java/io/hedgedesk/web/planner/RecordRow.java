package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.pricing.catalog.ContractCatalog;
import java.util.List;

/**
 * A hedge about to be recorded from a plan, as the confirmation page shows it: margin and fee with the asset they are
 * paid in (the contract's settlement asset), and where the margin comes from in words.
 */
public record RecordRow(OpenHedge hedge, String asset, String marginFrom) {

  static List<RecordRow> of(List<OpenHedge> hedges, ContractCatalog catalog) {
    return hedges.stream().map(h -> new RecordRow(h,
        catalog.get(h.contractId()).settlementAsset().symbol(), words(h.marginSource()))).toList();
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
