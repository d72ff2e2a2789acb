package io.hedgedesk.domain.portfolio;

import io.hedgedesk.domain.market.PriceQuote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A portfolio valued in USD from the latest known prices.
 *
 * @param lines       every holding with its value (if priced)
 * @param totalUsd    sum of the priced values in USD, unrounded
 * @param unpriced    number of holdings without any price (left out of the total)
 * @param allocations priced value per asset, largest first, with its share of {@code totalUsd}
 */
public record PortfolioValuation(
        List<ValuedHolding> lines, BigDecimal totalUsd, int unpriced, List<Allocation> allocations) {

    /** The source named for stablecoins, which are valued at exactly 1 USD. */
    public static final String STABLECOIN_SOURCE = "stablecoin at 1 USD";

    public PortfolioValuation {
        lines = List.copyOf(lines);
        Objects.requireNonNull(totalUsd, "totalUsd");
        allocations = List.copyOf(allocations);
    }

    /**
     * Values each holding as {@code quantity × priceUsd} (units × USD per unit = USD) with the price chosen by
     * {@link #latest}: USDT and USDC at 1 USD, otherwise the more recent of the market and the manual quote.
     * Allocation percent per asset = {@code 100 × value(asset) / total}, computed with {@link MathContext#DECIMAL128}.
     *
     * @param holdings the portfolio's holdings
     * @param market   latest market quote per asset symbol (may lack symbols)
     * @param manual   latest manual quote per asset symbol (may lack symbols)
     * @param now      the valuation time, the {@code asOf} of stablecoin quotes
     */
    public static PortfolioValuation of(
            List<Holding> holdings, Map<String, PriceQuote> market, Map<String, PriceQuote> manual, Instant now) {
        List<ValuedHolding> lines = new ArrayList<>();
        Map<String, BigDecimal> perAsset = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        int unpriced = 0;
        for (Holding h : holdings) {
            String symbol = h.draft().assetSymbol();
            Optional<PriceQuote> quote = latest(
                    symbol, Optional.ofNullable(market.get(symbol)), Optional.ofNullable(manual.get(symbol)), now);
            Optional<BigDecimal> value = quote.map(q -> h.draft().quantity().multiply(q.priceUsd()));
            lines.add(new ValuedHolding(h, quote, value));
            if (value.isPresent()) {
                total = total.add(value.get());
                perAsset.merge(symbol, value.get(), BigDecimal::add);
            } else {
                unpriced++;
            }
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : perAsset.entrySet()) {
            BigDecimal percent = total.signum() == 0
                    ? BigDecimal.ZERO
                    : e.getValue().multiply(BigDecimal.valueOf(100)).divide(total, MathContext.DECIMAL128);
            allocations.add(new Allocation(e.getKey(), e.getValue(), percent));
        }
        allocations.sort(Comparator.comparing(Allocation::valueUsd).reversed().thenComparing(Allocation::assetSymbol));
        return new PortfolioValuation(lines, total, unpriced, allocations);
    }

    /**
     * The price to use for an asset: exactly 1 USD for the stablecoins in {@link KnownAssets#STABLECOINS}; otherwise
     * whichever of the market and manual quotes was observed later (the market quote on a tie).
     */
    public static Optional<PriceQuote> latest(
            String symbol, Optional<PriceQuote> market, Optional<PriceQuote> manual, Instant now) {
        if (KnownAssets.STABLECOINS.contains(symbol)) {
            return Optional.of(new PriceQuote(symbol, BigDecimal.ONE, STABLECOIN_SOURCE, now));
        }
        if (market.isPresent() && manual.isPresent()) {
            return manual.get().asOf().isAfter(market.get().asOf()) ? manual : market;
        }
        return market.isPresent() ? market : manual;
    }

    /** {@link #latest} of each of {@code symbols}; symbols without any price are absent. */
    public static Map<String, PriceQuote> latest(
            Collection<String> symbols, Map<String, PriceQuote> market, Map<String, PriceQuote> manual, Instant now) {
        Map<String, PriceQuote> quotes = new HashMap<>();
        for (String symbol : symbols) {
            latest(symbol, Optional.ofNullable(market.get(symbol)), Optional.ofNullable(manual.get(symbol)), now)
                    .ifPresent(q -> quotes.put(symbol, q));
        }
        return quotes;
    }
}
