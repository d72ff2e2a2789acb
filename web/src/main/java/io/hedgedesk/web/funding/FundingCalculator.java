package io.hedgedesk.web.funding;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.persistence.market.FundingHistoryRepository;
import io.hedgedesk.pricing.funding.FundingCash;
import io.hedgedesk.pricing.funding.FundingProjection;
import io.hedgedesk.pricing.funding.FundingProjectionException;
import io.hedgedesk.pricing.funding.FundingProjector;
import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.position.Money;
import io.hedgedesk.web.position.PositionCalculator;
import io.hedgedesk.web.view.Display;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Funding projections from the stored funding history, every number from {@link FundingProjector}: this class picks
 * the series for a contract, checks the inputs and rounds for display.
 */
@ApplicationScoped
public class FundingCalculator {

    static final int MAX_HORIZON_DAYS = 3650;

    private final FundingHistoryRepository funding;

    public FundingCalculator(FundingHistoryRepository funding) {
        this.funding = funding;
    }

    /**
     * The stored series a contract's funding is projected from, and a sentence saying so.
     *
     * @param seriesId empty when no stored series of the contract's base asset exists
     */
    public record SeriesChoice(Optional<String> seriesId, String note) {}

    /** The ids of the stored funding series, read once for a page that chooses a series for several contracts. */
    public record StoredSeries(List<String> ids) {}

    public StoredSeries storedSeries() {
        return new StoredSeries(funding.seriesIds());
    }

    /**
     * The contract's own stored series; otherwise the closest stored series of the same base asset: the same kind
     * (inverse/linear) first, then the same venue (so a BTC inverse contract is projected from BITMEX:XBTUSD).
     */
    public SeriesChoice seriesFor(Instrument instrument, StoredSeries storedSeries) {
        List<String> stored = storedSeries.ids();
        if (stored.contains(instrument.id())) {
            return new SeriesChoice(
                    Optional.of(instrument.id()), "projected from " + instrument.id() + "'s own history");
        }
        String base = instrument.baseAsset().symbol();
        Optional<String> closest = stored.stream()
                .filter(id -> baseOf(id).equals(base))
                .max(Comparator.comparingInt((String id) -> (isInverse(id) == instrument.isInverse() ? 2 : 0)
                                + (id.startsWith(instrument.venue() + ":") ? 1 : 0))
                        .thenComparing(Comparator.reverseOrder()));
        return closest.map(id -> new SeriesChoice(
                        Optional.of(id),
                        "projected from " + id + " history; no stored history" + " for " + instrument.id()))
                .orElseGet(() -> new SeriesChoice(
                        Optional.empty(),
                        "no funding history stored for " + base + " perpetuals: funding is not projected"));
    }

    /** Base asset of a stored series id: {@code BINANCE:ETHUSDT} → ETH, {@code BITMEX:XBTUSD} → BTC. */
    static String baseOf(String seriesId) {
        String symbol = seriesId.substring(seriesId.indexOf(':') + 1).toUpperCase(Locale.ROOT);
        String base = symbol.replaceFirst("(USDT|USDC|USD)(_PERP)?$", "");
        return base.equals("XBT") ? "BTC" : base;
    }

    static boolean isInverse(String seriesId) {
        String symbol = seriesId.toUpperCase(Locale.ROOT);
        return !symbol.endsWith("USDT") && !symbol.endsWith("USDC");
    }

    /** The whole stored series, or a 400 naming {@code field}. */
    public FundingRateSeries series(String field, String seriesId) {
        return funding.series(seriesId)
                .orElseThrow(() -> new BadInputException(
                        field, "no stored funding history for \"" + seriesId.replaceAll("\\p{Cntrl}", "?") + "\""));
    }

    /**
     * Projects funding for a position of constant value over the window {@code [from 00:00 UTC, to + 1 day)}.
     *
     * @param positionValue   absolute position value in the settlement asset ({@code Q·FV/mark} coins or
     *                        {@code q·mark} USDT)
     * @param settlementUsd   USD price of one unit of the settlement asset
     * @param settlementAsset its symbol, for display
     */
    public FundingView project(
            FundingRateSeries series,
            LocalDate from,
            LocalDate to,
            int horizonDays,
            Side side,
            BigDecimal positionValue,
            BigDecimal settlementUsd,
            String settlementAsset,
            String note) {
        return projected(series, from, to, horizonDays, side, positionValue, settlementUsd, settlementAsset, note)
                .view();
    }

    /**
     * {@link #project} from a stored series: the window defaults to the 365 days up to the series' last settlement
     * ({@code to} blank = that day, {@code from} blank = 364 days before {@code to}); a refusal names the field.
     */
    public FundingView projectStored(
            String seriesId,
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            int horizonDays,
            Side side,
            BigDecimal positionValue,
            BigDecimal settlementUsd,
            String settlementAsset) {
        FundingRateSeries series = series("seriesId", seriesId);
        LocalDate end = to.orElse(series.last().time().atZone(ZoneOffset.UTC).toLocalDate());
        LocalDate start = from.orElse(end.minusDays(364));
        if (start.isAfter(end)) {
            throw new BadInputException("from", "from " + start + " must not be after to " + end);
        }
        return project(
                series,
                start,
                end,
                horizonDays,
                side,
                positionValue,
                settlementUsd,
                settlementAsset,
                "projected from " + series.contractId() + " history");
    }

    /** A projection as computed (unrounded, for scenarios) and as shown. */
    public record Projected(FundingProjection projection, FundingView view) {}

    /** {@link #project}, keeping the unrounded projection too. */
    public Projected projected(
            FundingRateSeries series,
            LocalDate from,
            LocalDate to,
            int horizonDays,
            Side side,
            BigDecimal positionValue,
            BigDecimal settlementUsd,
            String settlementAsset,
            String note) {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
            throw new BadInputException(
                    "horizonDays", "horizonDays must be between 1 and " + MAX_HORIZON_DAYS + ", was " + horizonDays);
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        FundingProjection p;
        try {
            p = FundingProjector.DEFAULT.project(
                    series, start, end, Duration.ofDays(horizonDays), side, positionValue, settlementUsd);
        } catch (FundingProjectionException e) {
            throw new BadInputException(
                    "from", "funding of " + series.contractId() + " cannot be projected: " + e.getMessage());
        }
        return new Projected(p, FundingView.of(p, from, to, horizonDays, side, settlementAsset, note));
    }

    /** Funding cash as shown: settlement asset at 8 decimals, USD at cents, and "income", "cost" or "none". */
    public record CashView(Money amount, Money usd, String direction) {

        static CashView of(FundingCash cash, String settlementAsset) {
            return new CashView(
                    Money.settlement(new Amount(cash.inSettlementAsset(), Asset.of(settlementAsset))),
                    Money.usd(cash.inUsd()),
                    cash.direction().word());
        }
    }

    /**
     * A funding projection as shown. Cash is to the position holder: positive = income.
     *
     * @param meanRatePercent   mean rate per settlement, percent (market convention: positive = longs pay shorts)
     * @param annualizedPercent mean rate × settlements per year, percent, seen by the holder
     * @param expected          the horizon at the window's mean rate
     * @param p10               10th percentile of historical horizon stretches (a bad outcome for the holder)
     * @param worst             the worst historical stretch, from {@code worstFrom} to {@code worstTo}
     * @param perMonth          cost of insurance per 30 days at the mean rate
     * @param signWords         the sign in words for the holder's side
     */
    public record FundingView(
            String seriesId,
            String note,
            LocalDate from,
            LocalDate to,
            int settlements,
            BigDecimal meanRatePercent,
            BigDecimal meanIntervalHours,
            BigDecimal annualizedPercent,
            String side,
            int horizonDays,
            int blocks,
            CashView expected,
            CashView p10,
            CashView p50,
            CashView p90,
            CashView worst,
            LocalDate worstFrom,
            LocalDate worstTo,
            CashView perMonth,
            CashView perYear,
            String signWords) {

        static FundingView of(
                FundingProjection p,
                LocalDate from,
                LocalDate to,
                int horizonDays,
                Side side,
                String asset,
                String note) {
            var s = p.statistics();
            return new FundingView(
                    s.contractId(),
                    note,
                    from,
                    to,
                    s.settlements(),
                    Display.rounded(s.meanRate().movePointRight(2), 6),
                    Display.rounded(
                            BigDecimal.valueOf(s.meanInterval().toSeconds())
                                    .divide(BigDecimal.valueOf(3600), MathContext.DECIMAL128),
                            2),
                    Display.percentPoints(s.annualizedRateToHolder(side)),
                    side.name(),
                    horizonDays,
                    p.distribution().blocks(),
                    CashView.of(p.expected(), asset),
                    CashView.of(p.p10(), asset),
                    CashView.of(p.p50(), asset),
                    CashView.of(p.p90(), asset),
                    CashView.of(p.worst(), asset),
                    p.distribution().worst().startDate(),
                    p.distribution().worst().endDate(),
                    CashView.of(p.insuranceCost().perMonth(), asset),
                    CashView.of(p.insuranceCost().perYear(), asset),
                    PositionCalculator.fundingWords(side, s.meanRate()) + " Over this window the mean rate was "
                            + (s.meanRate().signum() >= 0 ? "positive" : "negative") + ".");
        }
    }

    /** Parses the horizon in days (blank = 30). */
    public static int horizonDays(String raw) {
        return Inputs.wholeNumber("horizonDays", raw, 1, MAX_HORIZON_DAYS, 30);
    }
}
