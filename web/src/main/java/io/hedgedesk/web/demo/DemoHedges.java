package io.hedgedesk.web.demo;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PriceSeries;
import io.hedgedesk.domain.portfolio.Holding;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.hedge.HedgeLeg;
import io.hedgedesk.pricing.hedge.HedgeRequest;
import io.hedgedesk.pricing.hedge.HedgeSizer;
import io.hedgedesk.pricing.hedge.MarginSource;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.timeline.HedgeTimeline;
import io.hedgedesk.web.hedge.book.HedgeBookService;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The demo portfolio's open hedges, recorded as a user would record them: sized by the planner's sizer
 * ({@link HedgeSizer}, the opening fee at the contract's taker rate), opened through {@link HedgeBookService#open} on
 * {@value #OPENED} at the previous day's stored close, then the funding of each whole month the stored rates cover
 * recorded as FUNDING actions. So the hedges follow the exposure model like any other:
 * <ul>
 *   <li>BTC: {@value #BTC_CONTRACT} (inverse, 1 USD contracts), the whole bag (coverage 1), 2×, margin out of the bag
 *   (margin + fee move from the BTC holding to the venue, still counted in it);</li>
 *   <li>ETH: {@value #ETH_CONTRACT} (linear), half the bag (coverage 0.5), 2×, USDT margin;</li>
 *   <li>SOL stays unhedged.</li>
 * </ul>
 * A coin without a stored close that day (or a contract without stored funding) is skipped; the rest is written.
 */
@ApplicationScoped
class DemoHedges {

    static final String OPENED = "2024-01-02T00:00:00Z";
    static final String BTC_CONTRACT = "BITMEX:XBTUSD";
    static final String ETH_CONTRACT = "BINANCE:ETHUSDT";
    private static final BigDecimal LEVERAGE = BigDecimal.valueOf(2);
    /** The months whose funding is recorded (the shipped rates end in March 2024). */
    private static final List<LocalDate> MONTH_ENDS = List.of(LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29));

    private static final Logger LOG = Logger.getLogger(DemoHedges.class);

    private final HedgeBookService book;
    private final ContractCatalog catalog;
    private final PriceHistoryRepository closes;
    private final FundingHistoryRepository funding;

    DemoHedges(
            HedgeBookService book,
            PriceHistoryRepository closes,
            FundingHistoryRepository funding,
            ContractCatalog catalog) {
        this.catalog = catalog;
        this.book = book;
        this.closes = closes;
        this.funding = funding;
    }

    /** Records the hedges of the demo portfolio, in the caller's transaction; {@code token} names each write's token. */
    void write(long userId, long portfolioId, Map<String, Holding> holdings, Function<String, UUID> token) {
        hedge(userId, portfolioId, holdings.get("BTC"), BTC_CONTRACT, MarginSource.OUT_OF_BAG, BigDecimal.ONE, token);
        hedge(
                userId,
                portfolioId,
                holdings.get("ETH"),
                ETH_CONTRACT,
                MarginSource.STABLECOIN,
                new BigDecimal("0.5"),
                token);
    }

    private void hedge(
            long userId,
            long portfolioId,
            Holding holding,
            String contractId,
            MarginSource source,
            BigDecimal coverage,
            Function<String, UUID> token) {
        Instrument instrument = catalog.get(contractId);
        String coin = instrument.baseAsset().symbol();
        Instant opened = Instant.parse(OPENED);
        LocalDate day = opened.atZone(ZoneOffset.UTC).toLocalDate();
        Optional<PriceSeries> series = closes.series(coin);
        Optional<BigDecimal> entry = series.flatMap(s -> s.closeOn(day.minusDays(1)));
        if (holding == null || entry.isEmpty()) {
            LOG.infof("demo hedge on %s skipped: no stored %s close of %s", contractId, coin, day.minusDays(1));
            return;
        }
        HedgeLeg leg = HedgeSizer.DEFAULT.size(new HedgeRequest(
                instrument.baseAsset(),
                holding.draft().quantity(),
                entry.get(),
                instrument,
                entry.get(),
                LEVERAGE,
                source,
                coverage,
                instrument.takerFeeRate()));
        BigDecimal size = leg.order().size();
        // amounts as the venue books them: at the settlement asset's scale
        BigDecimal fee = PerpetualPricer.of(instrument)
                .fee(instrument, size, entry.get(), instrument.takerFeeRate())
                .rounded(RoundingMode.HALF_EVEN)
                .value();
        BigDecimal margin = (instrument.isInverse()
                        ? leg.margin()
                        : new Amount(leg.marginUsd(), instrument.settlementAsset()))
                .rounded(RoundingMode.HALF_EVEN)
                .value();
        long hedgeId = book.open(
                userId,
                token.apply("hedge-" + coin),
                new OpenHedge(
                        portfolioId,
                        contractId,
                        Side.SHORT,
                        size,
                        entry.get(),
                        LEVERAGE,
                        margin,
                        source.name(),
                        List.of(holding.id()),
                        coverage,
                        "",
                        fee,
                        Optional.of(opened),
                        BigDecimal.ZERO,
                        Optional.empty()));
        recordFunding(userId, hedgeId, instrument, series.get(), coin, token);
    }

    /** Each covered month's funding, as the stored rates give it (the hedge page's "expected"), recorded at its end. */
    private void recordFunding(
            long userId,
            long hedgeId,
            Instrument instrument,
            PriceSeries series,
            String coin,
            Function<String, UUID> token) {
        Optional<FundingRateSeries> rates = funding.series(instrument.id());
        if (rates.isEmpty()) {
            return;
        }
        HedgeBookService.HedgeAccess access = book.hedge(userId, hedgeId);
        List<HedgeTimeline.Day> days = HedgeTimeline.DEFAULT.days(
                instrument,
                Side.SHORT,
                LEVERAGE,
                book.events(userId, hedgeId),
                series,
                rates,
                new HedgeTimeline.Insured(BigDecimal.ZERO, false, BigDecimal.ZERO),
                MONTH_ENDS.get(MONTH_ENDS.size() - 1));
        BigDecimal before = BigDecimal.ZERO;
        long version = access.hedge().version();
        for (LocalDate end : MONTH_ENDS) {
            Optional<HedgeTimeline.Day> day =
                    days.stream().filter(d -> d.date().equals(end)).findFirst();
            Optional<BigDecimal> sum = day.flatMap(HedgeTimeline.Day::fundingExpected);
            if (sum.isEmpty()) {
                return;
            }
            BigDecimal amount = sum.get().subtract(before);
            before = sum.get();
            BigDecimal usd = instrument.settlementAsset().isDollar()
                    ? BigDecimal.ONE
                    : day.get().close();
            Instant at = end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            book.act(
                    userId,
                    hedgeId,
                    token.apply("funding-" + coin + "-" + end),
                    version,
                    HedgeAction.cash(
                            HedgeEventType.FUNDING,
                            new Amount(amount, instrument.settlementAsset())
                                    .rounded(RoundingMode.HALF_EVEN)
                                    .value(),
                            usd,
                            at));
            version = book.hedge(userId, hedgeId).hedge().version();
        }
    }
}
