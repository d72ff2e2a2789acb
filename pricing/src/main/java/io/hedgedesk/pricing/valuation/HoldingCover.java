package io.hedgedesk.pricing.valuation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of a holding the open hedges cover, from the per-coin valuation ({@link HedgeValuer}), not computed again.
 *
 * <p>A holding insured by same-coin hedges carries its coin's coverage {@code D / H} ({@link AssetCoverage}): every
 * insured coin of that coin is covered alike. A holding insured by a proxy hedge adds that hedge's coverage of
 * {@code β × basket} ({@link HedgeValuation#coverage}). So the hedged share = coin coverage + Σ proxy coverages; a
 * holding no hedge insures has share 0. A hedge insures a holding when it names it, or names none and is of the
 * holding's coin (a same-coin hedge) or carries a β (a proxy hedge of the whole portfolio).
 *
 * @param holdingId the holding
 * @param share     the hedged share, a fraction (1 = fully hedged); empty when a covering hedge's coverage is unknown
 *                  (no price, nothing insured)
 * @param hedgeIds  the open hedges insuring it, in the order valued
 */
public record HoldingCover(long holdingId, Optional<BigDecimal> share, List<Long> hedgeIds) {

    public HoldingCover {
        Objects.requireNonNull(share, "share");
        hedgeIds = List.copyOf(hedgeIds);
    }

    /** One cover per holding, in the order of {@code holdings}. */
    public static List<HoldingCover> of(List<HeldCoins> holdings, PortfolioHedges valued) {
        Map<Long, HoldingCover> covers = new LinkedHashMap<>();
        for (HeldCoins held : holdings) {
            List<Long> ids = new ArrayList<>();
            Optional<BigDecimal> share = Optional.of(BigDecimal.ZERO);
            boolean coinCounted = false;
            for (HedgeValuation v : valued.hedges()) {
                HedgeAccount h = v.account();
                boolean named = h.holdingIds().contains(held.holdingId());
                if (v.proxy()) {
                    if (named || (h.holdingIds().isEmpty() && h.beta().isPresent())) {
                        ids.add(h.hedgeId());
                        Optional<BigDecimal> c = v.coverage().map(check -> check.coverage());
                        share = share.flatMap(s -> c.map(s::add));
                    }
                } else if (h.asset().equals(held.asset())
                        && (named || h.holdingIds().isEmpty())) {
                    ids.add(h.hedgeId());
                    if (!coinCounted) {
                        coinCounted = true;
                        Optional<BigDecimal> c = valued.asset(held.asset()).flatMap(AssetCoverage::coverage);
                        share = share.flatMap(s -> c.map(s::add));
                    }
                }
            }
            covers.put(held.holdingId(), new HoldingCover(held.holdingId(), share, ids));
        }
        return List.copyOf(covers.values());
    }
}
