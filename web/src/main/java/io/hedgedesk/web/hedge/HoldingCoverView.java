package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.valuation.HoldingCover;
import io.hedgedesk.web.view.Display;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The hedged share of a holding as a percent, and the open hedges insuring it (the page links each). */
public record HoldingCoverView(long holdingId, String share, List<Long> hedgeIds) {

    /** The view of each holding, by holding id. */
    public static Map<Long, HoldingCoverView> of(List<HoldingCover> covers) {
        return covers.stream()
                .map(c -> new HoldingCoverView(c.holdingId(), Display.percent(c.share()), c.hedgeIds()))
                .collect(Collectors.toMap(HoldingCoverView::holdingId, Function.identity()));
    }
}
