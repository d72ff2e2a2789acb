package io.hedgedesk.web.hedge.book;

import io.hedgedesk.domain.hedge.HedgeMark;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.pricing.valuation.Prices;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One price per coin per team for hedges: the team's price book (the newer of the stored daily close and the team's
 * manual price, exactly as its holdings are valued), unless a venue tick of a hedge's own contract is at least as new — then
 * the tick's mark values that hedge and its index price (else its mark) the coin.
 */
@ApplicationScoped
public class CoinPrices {

    private final PortfolioService portfolios;
    private final MarketTickRepository ticks;

    public CoinPrices(PortfolioService portfolios, MarketTickRepository ticks) {
        this.portfolios = portfolios;
        this.ticks = ticks;
    }

    /**
     * The prices for hedges on {@code contracts} of a team.
     *
     * @param known the team's prices already loaded (from its portfolio's valuation), by coin; the others are read
     */
    public Prices of(long teamId, Collection<Instrument> contracts, Map<String, PriceQuote> known) {
        return of(
                contracts,
                known,
                missing -> portfolios.prices(teamId, missing),
                ticks.latest(contracts.stream().map(Instrument::id).distinct().toList()));
    }

    /**
     * The prices for hedges on {@code contracts} of a team, from prices already read: the team's {@code known} prices by
     * coin, {@code missing} for the team's prices of the other coins the contracts need, the {@code latest} venue tick of
     * each contract (by upper-case id).
     */
    public static Prices of(
            Collection<Instrument> contracts,
            Map<String, PriceQuote> known,
            Function<Set<String>, Map<String, PriceQuote>> missing,
            Map<String, MarketTick> latest) {
        Map<String, PriceQuote> spot = new HashMap<>(known);
        Set<String> absent = new TreeSet<>();
        contracts.forEach(c -> {
            if (!spot.containsKey(c.baseAsset().symbol())) {
                absent.add(c.baseAsset().symbol());
            }
        });
        if (!absent.isEmpty()) {
            spot.putAll(missing.apply(absent));
        }
        Map<String, PriceQuote> marks = new HashMap<>();
        for (Instrument c : contracts) {
            String asset = c.baseAsset().symbol();
            MarketTick tick = latest.get(c.id());
            PriceQuote book = spot.get(asset);
            if (tick != null && (book == null || !tick.fetchedAt().isBefore(book.asOf()))) {
                marks.put(c.id(), new PriceQuote(asset, tick.markPrice(), tick.source() + " mark", tick.fetchedAt()));
                spot.put(
                        asset,
                        new PriceQuote(
                                asset,
                                tick.indexPrice().orElse(tick.markPrice()),
                                tick.source() + (tick.indexPrice().isPresent() ? " index" : " mark"),
                                tick.fetchedAt()));
            }
        }
        return new Prices(spot, marks);
    }

    /** The mark a hedge on {@code contract} is valued at, with its kind: its venue tick, a manual or a stored price. */
    public static Optional<HedgeMark> mark(Prices prices, Instrument contract) {
        boolean tick = prices.contractMarks().containsKey(contract.id());
        return prices.mark(contract.id(), contract.baseAsset().symbol())
                .map(q -> new HedgeMark(
                        q.priceUsd(),
                        tick
                                ? HedgeMark.Kind.TICK
                                : q.source().startsWith("manual") ? HedgeMark.Kind.MANUAL : HedgeMark.Kind.DAILY_CLOSE,
                        q.source(),
                        q.asOf()));
    }

    /** The prices for one hedge's contract. */
    public Prices of(long teamId, Instrument contract) {
        return of(teamId, List.of(contract), Map.of());
    }
}
