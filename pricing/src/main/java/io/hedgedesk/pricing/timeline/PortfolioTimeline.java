package io.hedgedesk.pricing.timeline;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A portfolio's value over the stored daily closes, without and with its open hedges.
 *
 * <p>At the close {@code Xₐ(t)} of each day {@code t}:
 * <ul>
 *   <li>unhedged {@code U(t) = Σₐ qₐ × Xₐ(t)}, the holdings' coins as they are now;</li>
 *   <li>hedged {@code H(t) = U(t) + Σ PnL_USD(hedge, X(t))} over the open hedges opened on or before {@code t}: each
 *   hedge's position as it is now (size, entry) valued at its coin's close ({@link PerpetualPricer#pnlUsd}: the
 *   coin PnL times the close for an inverse contract, USDT for a linear one); before its opening a hedge adds
 *   nothing.</li>
 * </ul>
 * Only days on which every counted coin has a close are kept; coins without any stored close are left out of both
 * lines and named ({@link Path#unpriced}). Funding and fees are not in the picture.
 */
public final class PortfolioTimeline {

    /** The shared instance; it holds no state. */
    public static final PortfolioTimeline DEFAULT = new PortfolioTimeline();

    private static final MathContext MC = MathContext.DECIMAL128;

    private PortfolioTimeline() {}

    /**
     * An open hedge as it is now.
     *
     * @param opened the UTC day it was opened
     */
    public record OpenHedge(
            Instrument instrument,
            Side side,
            BigDecimal size,
            BigDecimal entryPrice,
            BigDecimal leverage,
            LocalDate opened) {

        public OpenHedge {
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(entryPrice, "entryPrice");
            Objects.requireNonNull(leverage, "leverage");
            Objects.requireNonNull(opened, "opened");
        }

        String asset() {
            return instrument.baseAsset().symbol();
        }
    }

    /** One day: {@code U(t)} and {@code H(t)}, USD, unrounded. */
    public record Point(LocalDate date, BigDecimal unhedgedUsd, BigDecimal hedgedUsd) {}

    /** The days, oldest first, and the coins left out for want of closes. */
    public record Path(List<Point> points, List<String> unpriced) {

        public Path {
            points = List.copyOf(points);
            unpriced = List.copyOf(unpriced);
        }
    }

    /**
     * The path over the days {@code from..to} (inclusive).
     *
     * @param coins  coins held per asset (quantities now)
     * @param hedges the open hedges
     * @param closes stored daily closes by asset; assets missing here are left out
     */
    public Path path(
            Map<String, BigDecimal> coins,
            List<OpenHedge> hedges,
            Map<String, PriceSeries> closes,
            LocalDate from,
            LocalDate to) {
        List<String> unpriced = new ArrayList<>();
        TreeSet<String> needed = new TreeSet<>();
        coins.forEach((asset, q) -> {
            if (closes.containsKey(asset)) {
                needed.add(asset);
            } else {
                unpriced.add(asset);
            }
        });
        List<OpenHedge> counted = new ArrayList<>();
        for (OpenHedge h : hedges) {
            if (closes.containsKey(h.asset())) {
                counted.add(h);
                needed.add(h.asset());
            } else if (!unpriced.contains(h.asset())) {
                unpriced.add(h.asset());
            }
        }
        List<Point> points = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            Map<String, Optional<BigDecimal>> close = new java.util.HashMap<>();
            needed.forEach(a -> close.put(a, closes.get(a).closeOn(d)));
            if (close.values().stream().anyMatch(Optional::isEmpty)) {
                continue;
            }
            BigDecimal unhedged = BigDecimal.ZERO;
            for (Map.Entry<String, BigDecimal> c : coins.entrySet()) {
                if (needed.contains(c.getKey())) {
                    unhedged = unhedged.add(
                            c.getValue().multiply(close.get(c.getKey()).get(), MC));
                }
            }
            BigDecimal hedged = unhedged;
            for (OpenHedge h : counted) {
                if (!h.opened().isAfter(day) && h.size().signum() > 0) {
                    Position position = new Position(h.instrument(), h.side(), h.size(), h.entryPrice(), h.leverage());
                    hedged = hedged.add(PerpetualPricer.of(h.instrument())
                            .pnlUsd(position, close.get(h.asset()).get())
                            .value());
                }
            }
            points.add(new Point(day, unhedged, hedged));
        }
        return new Path(points, unpriced);
    }
}
