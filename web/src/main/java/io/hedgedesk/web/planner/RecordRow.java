package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Words;
import java.util.ArrayList;
import java.util.List;

/**
 * A hedge about to be recorded from a plan, as the confirmation page shows it: margin and fee with the asset they are
 * paid in (the contract's settlement asset), where the margin comes from in words, and the leg's fills as typed
 * (fields named by the leg's {@code index}).
 */
public record RecordRow(int index, OpenHedge hedge, String asset, String marginFrom, String size, LegFills fills) {

    static List<RecordRow> of(List<OpenHedge> hedges, List<LegFills> fills, ContractCatalog catalog) {
        List<RecordRow> rows = new ArrayList<>();
        for (int i = 0; i < hedges.size(); i++) {
            OpenHedge h = hedges.get(i);
            Instrument instrument = catalog.get(h.contractId());
            rows.add(new RecordRow(
                    i,
                    h,
                    instrument.settlementAsset().symbol(),
                    Words.words(MarginSource.class, h.marginSource()),
                    Display.size(h.size(), instrument),
                    fills.get(i)));
        }
        return rows;
    }

    /** The fill rows' positions, for the page's loop. */
    public List<Integer> fillRows() {
        return java.util.stream.IntStream.range(0, LegFills.ROWS).boxed().toList();
    }
}
