package io.hedgedesk.web.planner;

import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.pricing.ledger.Fills;
import io.hedgedesk.web.hedge.Parse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fills of one leg as typed on the "record as opened" page: up to {@link #ROWS} fills (size and price), the fee
 * paid and when the position was opened (empty = now). Pre-filled from the plan; what the venue really did replaces
 * the plan's size, entry, fee and time when the hedge is recorded.
 */
public record LegFills(List<String> sizes, List<String> prices, String fee, String openedAt) {

    /** Fill rows per leg on the page. */
    public static final int ROWS = 3;

    /** The plan's own numbers: one fill of the planned size at the planned entry, the planned fee, opened now. */
    static List<LegFills> planned(List<OpenHedge> hedges) {
        return hedges.stream()
                .map(h -> {
                    List<String> sizes = new ArrayList<>(List.of(plain(h.size())));
                    List<String> prices = new ArrayList<>(List.of(plain(h.entryPrice())));
                    while (sizes.size() < ROWS) {
                        sizes.add("");
                        prices.add("");
                    }
                    return new LegFills(sizes, prices, plain(h.fee()), "");
                })
                .toList();
    }

    /**
     * The typed fields, in page order: {@link #ROWS} sizes and prices per leg, one fee and one time per leg. Missing
     * values (a shortened form) are empty.
     */
    static List<LegFills> typed(
            int legs, List<String> sizes, List<String> prices, List<String> fees, List<String> openedAts) {
        List<LegFills> out = new ArrayList<>();
        for (int i = 0; i < legs; i++) {
            List<String> s = new ArrayList<>();
            List<String> p = new ArrayList<>();
            for (int j = 0; j < ROWS; j++) {
                s.add(at(sizes, i * ROWS + j));
                p.add(at(prices, i * ROWS + j));
            }
            out.add(new LegFills(s, p, at(fees, i), at(openedAts, i)));
        }
        return out;
    }

    /**
     * The plan's hedges with the typed fills: size and average entry by {@link Fills#combine}, the fee and the
     * opening time; margin, leverage, holdings and target as planned. Every bad field is reported at once, named
     * {@code size-i-j}, {@code price-i-j}, {@code fee-i}, {@code openedAt-i} (leg i, fill j).
     */
    static List<OpenHedge> apply(List<OpenHedge> plan, List<LegFills> typed, ContractCatalog catalog) {
        Parse parse = new Parse();
        List<List<Fills.Fill>> fills = new ArrayList<>();
        List<Optional<BigDecimal>> fees = new ArrayList<>();
        List<Optional<Instant>> times = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            LegFills leg = typed.get(i);
            String of = " (" + plan.get(i).contractId() + ")";
            List<Fills.Fill> legFills = new ArrayList<>();
            for (int j = 0; j < ROWS; j++) {
                Optional<BigDecimal> size =
                        parse.decimal(leg.sizes().get(j), "size-" + i + "-" + j, "Fill " + (j + 1) + " size" + of);
                Optional<BigDecimal> price =
                        parse.decimal(leg.prices().get(j), "price-" + i + "-" + j, "Fill " + (j + 1) + " price" + of);
                if (size.isPresent() != price.isPresent()) {
                    parse.fail(
                            (size.isPresent() ? "price-" : "size-") + i + "-" + j,
                            "Enter both the size and the price of" + " this fill, or neither.");
                } else if (size.isPresent()) {
                    if (size.get().signum() <= 0 || price.get().signum() <= 0) {
                        parse.fail("size-" + i + "-" + j, "A fill's size and price must be greater than zero.");
                    }
                    legFills.add(new Fills.Fill(size.get(), price.get()));
                }
            }
            if (legFills.isEmpty()) {
                parse.fail("size-" + i + "-0", "Enter the size and price of at least one fill.");
            }
            fills.add(legFills);
            fees.add(parse.decimal(leg.fee(), "fee-" + i, "Fee paid" + of));
            times.add(parse.utcTime(leg.openedAt(), "openedAt-" + i));
        }
        parse.check();
        List<OpenHedge> out = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            OpenHedge h = plan.get(i);
            Instrument instrument = catalog.get(h.contractId());
            Fills.Fill all;
            try {
                all = Fills.combine(instrument, h.side(), h.leverage(), fills.get(i));
            } catch (InvalidHedgeException e) {
                throw InvalidHedgeException.of(
                        "size-" + i + "-0", String.join(" ", e.errors().values()));
            }
            out.add(new OpenHedge(
                    h.portfolioId(),
                    h.contractId(),
                    h.side(),
                    all.size(),
                    all.price(),
                    h.leverage(),
                    h.margin(),
                    h.marginSource(),
                    h.holdingIds(),
                    h.targetCoverage(),
                    h.planJson(),
                    fees.get(i).orElse(BigDecimal.ZERO),
                    times.get(i),
                    h.collateralCoins(),
                    h.beta()));
        }
        return out;
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
