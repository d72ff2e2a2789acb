package io.hedgedesk.web.market;

import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.MarketTick;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.persistence.market.MarketTickRepository;
import io.hedgedesk.persistence.market.PriceHistoryRepository;
import io.hedgedesk.pricing.market.QuoteMath;
import io.hedgedesk.web.view.Display;
import io.hedgedesk.web.view.Times;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market page's rows: for every catalog contract its mark, index, basis and funding, from the database only.
 *
 * <p>Where each number comes from, in order of preference:
 * <ul>
 *   <li>mark: the contract's stored tick ({@code market_tick}: a venue's, or a mark typed in here, source
 *       {@value #MANUAL}, shown with who entered it and when); else the latest stored daily close of the base asset (spot, labelled as such);</li>
 *   <li>index: the stored tick only (without it there is no basis);</li>
 *   <li>funding rate: the stored tick's; else the latest stored settlement of the contract's series;</li>
 *   <li>funding interval: the tick's, else the catalog's; next funding time: the tick's, else the next one after
 *       the latest stored settlement on the interval's schedule, shown only while that settlement is fresh.</li>
 * </ul>
 *
 * <p>Stale when older than: {@link #LIVE_STALE_AFTER} for a venue tick (it is refreshed every few minutes, and two
 * 1 h funding intervals are longer); {@link Display#STALE_AFTER} (3 days, the portfolio valuation's rule for
 * prices) for a manual mark and for a stored daily close (measured from the end of its UTC day); two funding
 * intervals for a stored funding settlement (the next two should have been stored by then; 3 days for a contract
 * that accrues continuously).
 */
@ApplicationScoped
public class MarketBoard {

    /** The source text of a mark typed in on the market page. */
    public static final String MANUAL = "manual";

    /** A venue tick older than this is stale. */
    public static final Duration LIVE_STALE_AFTER = Duration.ofMinutes(15);

    private static final String NONE = "–";

    /**
     * One contract's row, every number formatted (the template does no arithmetic).
     *
     * @param basisPercent   {@code (mark − index) / index × 100}, 4 decimals
     * @param ratePercent    funding rate per interval × 100, 4 decimals
     * @param annualPercent  {@link QuoteMath#annualizedRate} × 100, 2 decimals
     */
    public record Row(
            String contractId,
            String type,
            String base,
            String mark,
            String markSource,
            String markAge,
            boolean markStale,
            String index,
            String basis,
            String basisPercent,
            String ratePercent,
            String interval,
            String annualPercent,
            String fundingSource,
            String fundingAge,
            boolean fundingStale,
            String nextFunding,
            boolean hasMark) {}

    private final ContractCatalog catalog;
    private final MarketTickRepository ticks;
    private final PriceHistoryRepository closes;
    private final FundingHistoryRepository funding;
    private final Clock clock;

    public MarketBoard(
            ContractCatalog catalog,
            MarketTickRepository ticks,
            PriceHistoryRepository closes,
            FundingHistoryRepository funding,
            Clock clock) {
        this.catalog = catalog;
        this.ticks = ticks;
        this.closes = closes;
        this.funding = funding;
        this.clock = clock;
    }

    /** Every catalog contract, in catalog order. */
    public List<Row> rows() {
        return rows(catalog.all());
    }

    /** One contract's row. */
    public Row row(Instrument instrument) {
        return rows(List.of(instrument)).get(0);
    }

    private List<Row> rows(List<Instrument> instruments) {
        List<String> ids = instruments.stream().map(Instrument::id).toList();
        Map<String, MarketTick> tickById = ticks.latest(ids);
        Map<String, String> writers =
                tickById.values().stream().anyMatch(t -> t.source().equals(MANUAL)) ? ticks.writers(ids) : Map.of();
        Map<String, FundingRateSeries> settled = funding.latest(ids);
        Map<String, PriceQuote> closeByAsset = closes.latestCloses(
                instruments.stream().map(i -> i.baseAsset().symbol()).distinct().toList());
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (Instrument instrument : instruments) {
            String id = instrument.id().toUpperCase(java.util.Locale.ROOT);
            rows.add(row(
                    instrument,
                    Optional.ofNullable(tickById.get(id)),
                    Optional.ofNullable(writers.get(id)),
                    Optional.ofNullable(settled.get(id)),
                    Optional.ofNullable(closeByAsset.get(instrument.baseAsset().symbol())),
                    now));
        }
        return rows;
    }

    /**
     * The mark the market page shows for {@code instrument} as a number: the stored tick's, else the latest stored
     * daily close of its base asset; empty when neither is stored.
     */
    public Optional<BigDecimal> lastMark(Instrument instrument) {
        Optional<BigDecimal> tick = ticks.latest(instrument.id()).map(MarketTick::markPrice);
        if (tick.isPresent()) {
            return tick;
        }
        String asset = instrument.baseAsset().symbol();
        return Optional.ofNullable(closes.latestCloses(List.of(asset)).get(asset))
                .map(PriceQuote::priceUsd);
    }

    /** @param writer who entered a manual tick, if it is one and its writer is known */
    static Row row(
            Instrument instrument,
            Optional<MarketTick> tick,
            Optional<String> writer,
            Optional<FundingRateSeries> settled,
            Optional<PriceQuote> close,
            Instant now) {
        // mark and index
        String mark = NONE;
        String markSource = "no data: enter a mark";
        String markAge = NONE;
        boolean markStale = false;
        String index = NONE;
        String basis = NONE;
        String basisPercent = NONE;
        if (tick.isPresent()) {
            MarketTick t = tick.get();
            boolean manual = t.source().equals(MANUAL);
            Duration age = age(t.fetchedAt(), now);
            mark = Display.price(t.markPrice(), instrument);
            markSource = manual
                    ? "manual" + writer.map(name -> ", by " + name).orElse("") + ", " + Times.utc(t.fetchedAt())
                    : "venue: " + t.source();
            markAge = Times.age(age);
            markStale = age.compareTo(manual ? Times.STALE_AFTER : LIVE_STALE_AFTER) > 0;
            if (t.indexPrice().isPresent()) {
                BigDecimal idx = t.indexPrice().get();
                index = Display.price(idx, instrument);
                basis = Display.price(QuoteMath.basis(t.markPrice(), idx), instrument);
                basisPercent = percent(QuoteMath.basisFraction(t.markPrice(), idx), 4);
            }
        } else if (close.isPresent()) {
            PriceQuote q = close.get();
            Duration age = age(q.asOf(), now);
            mark = Display.price(q.priceUsd(), instrument);
            markSource = "stored close (spot " + q.assetSymbol() + "): " + q.source();
            markAge = Times.age(age);
            markStale = age.compareTo(Times.STALE_AFTER) > 0;
        }
        // funding
        int intervalHours = tick.flatMap(MarketTick::fundingIntervalHours)
                .orElse((int) instrument.fundingInterval().toHours());
        String interval = intervalHours == 0 ? "continuous" : intervalHours + " h";
        Optional<BigDecimal> rate = Optional.empty();
        String fundingSource = "no data";
        String fundingAge = NONE;
        boolean fundingStale = false;
        String nextFunding = NONE;
        Duration staleFunding = intervalHours == 0 ? Times.STALE_AFTER : Duration.ofHours(2L * intervalHours);
        if (tick.isPresent() && tick.get().fundingRate().isPresent()) {
            MarketTick t = tick.get();
            rate = t.fundingRate();
            Duration age = age(t.fetchedAt(), now);
            fundingSource = "venue: " + t.source();
            fundingAge = Times.age(age);
            fundingStale = age.compareTo(LIVE_STALE_AFTER) > 0;
            nextFunding = t.nextFundingTime().map(Times::utc).orElse(NONE);
        } else if (settled.isPresent()) {
            FundingRateSeries s = settled.get();
            Instant time = s.last().time();
            Duration age = age(time, now);
            rate = Optional.of(s.last().rate());
            fundingSource = "stored settlement of " + Times.utc(time) + ": " + s.source();
            fundingAge = Times.age(age);
            fundingStale = age.compareTo(staleFunding) > 0;
            if (!fundingStale && intervalHours > 0) {
                Duration step = Duration.ofHours(intervalHours);
                Instant next = time.plus(step);
                while (!next.isAfter(now)) {
                    next = next.plus(step);
                }
                nextFunding = Times.utc(next) + " (every " + intervalHours + " h after the last settlement)";
            }
        }
        String ratePercent = rate.map(r -> percent(r, 4)).orElse(NONE);
        String annualPercent = rate.filter(r -> intervalHours > 0)
                .map(r -> percent(QuoteMath.annualizedRate(r, intervalHours), 2))
                .orElse(NONE);
        return new Row(
                instrument.id(),
                instrument.isInverse() ? "inverse" : "linear",
                instrument.baseAsset().symbol(),
                mark,
                markSource,
                markAge,
                markStale,
                index,
                basis,
                basisPercent,
                ratePercent,
                interval,
                annualPercent,
                fundingSource,
                fundingAge,
                fundingStale,
                nextFunding,
                !mark.equals(NONE));
    }

    private static Duration age(Instant asOf, Instant now) {
        Duration age = Duration.between(asOf, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** A price with thousands separators and 2 to 8 decimals (half-even), as on the market-history page. */
    static String price(BigDecimal value) {
        return MarketHistoryRows.price(value);
    }

    /** A fraction as a percentage with {@code decimals} decimals: 0.0001 → "0.0100 %" (4 decimals). */
    static String percent(BigDecimal fraction, int decimals) {
        return Display.pctAt(fraction.movePointRight(2), decimals);
    }
}
