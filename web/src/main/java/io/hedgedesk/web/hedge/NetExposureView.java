package io.hedgedesk.web.hedge;

import io.hedgedesk.pricing.valuation.NetExposure;
import io.hedgedesk.web.view.Display;
import java.util.List;

/**
 * A coin's net exposure as the portfolio page shows it ({@link NetExposure}: spot + coins at the venues beyond the
 * holdings + hedges), coins at 8 decimals and USD at 2.
 */
public record NetExposureView(
        String asset, String spot, String venue, String hedges, String net, String netUsd, boolean shortNet) {

    /** One row per coin. */
    public static List<NetExposureView> of(List<NetExposure> rows) {
        return rows.stream()
                .map(r -> new NetExposureView(
                        r.asset(),
                        Display.amount(r.spotCoins(), r.asset()),
                        Display.amount(r.venueCoins(), r.asset()),
                        Display.amount(r.hedgeCoins(), r.asset()),
                        Display.amount(r.netCoins(), r.asset()),
                        Display.usd(r.netUsd()),
                        r.netCoins().signum() < 0))
                .toList();
    }
}
