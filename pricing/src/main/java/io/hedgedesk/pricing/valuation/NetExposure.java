package io.hedgedesk.pricing.valuation;

import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A portfolio's net exposure per coin, each coin counted once (README, "The exposure model").
 *
 * <p>{@code net = spot + venue + hedge} coins, where {@code spot} is every holding of the coin (a holding's quantity
 * includes the coins moved from it to a venue as margin), {@code venue = Σ (venueCoins − bagCoins)} the coins at the
 * venues beyond the holdings ({@link HedgeAccount#coinsBeyondHoldings}: extra coin margin, a linear hedge's own coin
 * collateral, realized coin PnL and funding, less coin fees), and {@code hedge = −Σ delta} the open hedges' deltas in
 * the coin (a short's delta is positive, {@link HedgeValuation#deltaCoins}; a proxy hedge counts in its own coin).
 * {@code net USD = net × price}. A positive net is long, a negative one short.
 *
 * @param asset      the coin
 * @param spotCoins  Σ holdings of the coin
 * @param venueCoins coins at the venues beyond the holdings
 * @param hedgeCoins {@code −Σ delta}: negative for short hedges
 * @param netCoins   {@code spot + venue + hedge}
 * @param price      the coin's price, if known
 */
public record NetExposure(
        String asset,
        BigDecimal spotCoins,
        BigDecimal venueCoins,
        BigDecimal hedgeCoins,
        BigDecimal netCoins,
        Optional<PriceQuote> price) {

    public NetExposure {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(spotCoins, "spotCoins");
        Objects.requireNonNull(venueCoins, "venueCoins");
        Objects.requireNonNull(hedgeCoins, "hedgeCoins");
        Objects.requireNonNull(netCoins, "netCoins");
        Objects.requireNonNull(price, "price");
    }

    /** {@code netCoins × price}, if priced. */
    public Optional<BigDecimal> netUsd() {
        return price.map(p -> netCoins.multiply(p.priceUsd(), MathContext.DECIMAL128));
    }

    /** {@code spotCoins × price}, if priced. */
    public Optional<BigDecimal> spotUsd() {
        return price.map(p -> spotCoins.multiply(p.priceUsd(), MathContext.DECIMAL128));
    }

    /** One row per coin held or hedged, in coin order. */
    public static List<NetExposure> of(List<HeldCoins> holdings, PortfolioHedges valued, Prices prices) {
        Map<String, BigDecimal[]> coins = new TreeMap<>();
        for (HeldCoins h : holdings) {
            coins.computeIfAbsent(h.asset(), a -> zeros())[0] = coins.get(h.asset())[0].add(h.quantity());
        }
        for (HedgeValuation v : valued.hedges()) {
            BigDecimal[] c = coins.computeIfAbsent(v.account().asset(), a -> zeros());
            c[1] = c[1].add(v.account().coinsBeyondHoldings());
            c[2] = c[2].subtract(v.deltaCoins());
        }
        List<NetExposure> rows = new ArrayList<>();
        coins.forEach((asset, c) ->
                rows.add(new NetExposure(asset, c[0], c[1], c[2], c[0].add(c[1]).add(c[2]), prices.spot(asset))));
        return rows;
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
