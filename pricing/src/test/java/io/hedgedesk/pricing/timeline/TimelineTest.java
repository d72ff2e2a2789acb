package io.hedgedesk.pricing.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.hedgedesk.domain.hedge.HedgeEvent;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.domain.instrument.catalog.ContractCatalog;
import io.hedgedesk.domain.market.FundingRate;
import io.hedgedesk.domain.market.FundingRateSeries;
import io.hedgedesk.domain.market.PricePoint;
import io.hedgedesk.domain.market.PriceSeries;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The portfolio's value with and without its hedges, and a hedge day by day, against hand-worked numbers. */
class TimelineTest {

    private static final ContractCatalog CATALOG = ContractCatalog.loadDefault();
    private static final Instrument BTCUSD = CATALOG.get("BYBIT:BTCUSD"); // inverse, 1 USD per contract
    private static final Instrument ETHUSDT = CATALOG.get("BYBIT:ETHUSDT"); // linear, 1 ETH per unit
    private static final LocalDate D1 = LocalDate.of(2025, 1, 1);
    private static final LocalDate D2 = LocalDate.of(2025, 1, 2);
    private static final LocalDate D3 = LocalDate.of(2025, 1, 3);

    private static final PriceSeries BTC = new PriceSeries(
            "BTC",
            "test",
            List.of(
                    new PricePoint(LocalDate.of(2024, 12, 31), d("90000")), new PricePoint(D1, d("100000")),
                    new PricePoint(D2, d("80000")), new PricePoint(D3, d("125000"))));
    private static final PriceSeries ETH = new PriceSeries(
            "ETH",
            "test",
            List.of(
                    new PricePoint(LocalDate.of(2024, 12, 31), d("1800")),
                    new PricePoint(D1, d("2000")),
                    new PricePoint(D2, d("1500"))));

    @Test
    void portfolioValueWithAndWithoutTheHedgesFromTheirOpening() {
        // 0.5 BTC and 4 ETH; short 25,000 BTCUSD at 100,000 opened on D1; short 3 ETHUSDT at 1,500 opened on D2.
        var hedges = List.of(
                new PortfolioTimeline.OpenHedge(BTCUSD, Side.SHORT, d("25000"), d("100000"), d("2"), D1),
                new PortfolioTimeline.OpenHedge(ETHUSDT, Side.SHORT, d("3"), d("1500"), d("2"), D2));
        var path = PortfolioTimeline.DEFAULT.path(
                Map.of("BTC", d("0.5"), "ETH", d("4"), "DOGE", d("1000")),
                hedges,
                Map.of("BTC", BTC, "ETH", ETH),
                LocalDate.of(2024, 12, 31),
                D3);
        // D3 has no ETH close: left out; DOGE has no closes at all: named
        assertThat(path.unpriced()).containsExactly("DOGE");
        assertThat(path.points())
                .extracting(PortfolioTimeline.Point::date)
                .containsExactly(LocalDate.of(2024, 12, 31), D1, D2);
        // 12-31: U = 0.5 × 90,000 + 4 × 1,800 = 52,200; no hedge open yet: H = U
        assertThat(path.points().get(0).unhedgedUsd()).isEqualByComparingTo("52200");
        assertThat(path.points().get(0).hedgedUsd()).isEqualByComparingTo("52200");
        // D1: U = 50,000 + 8,000 = 58,000; BTC hedge at its entry: PnL 0 → H = 58,000
        assertThat(path.points().get(1).unhedgedUsd()).isEqualByComparingTo("58000");
        assertThat(path.points().get(1).hedgedUsd()).isEqualByComparingTo("58000");
        // D2: U = 40,000 + 6,000 = 46,000; BTC hedge 25,000 × (1/80,000 − 1/100,000) = 0.0625 BTC × 80,000 = 5,000 USD;
        // ETH hedge at its entry 1,500: 0 → H = 51,000
        assertThat(path.points().get(2).unhedgedUsd()).isEqualByComparingTo("46000");
        assertThat(path.points().get(2).hedgedUsd()).isEqualByComparingTo("51000");
    }

    @Test
    void aHedgeDayByDay() {
        // Short 25,000 BTCUSD at 100,000 opened 2025-01-01 00:00 with a 0.0001 BTC fee, margin 0.05 BTC + the fee moved
        // out of a 0.5 BTC bag (MARGIN_IN 0.0501); 0.00002 BTC funding received on D2.
        List<HedgeEvent> ledger = List.of(
                event(1, HedgeEventType.OPEN, "2025-01-01T00:00:00Z", "-0.0001", "0.0001", "25000"),
                event(2, HedgeEventType.MARGIN_IN, "2025-01-01T00:00:00Z", "0.0501", null, "25000"),
                event(3, HedgeEventType.FUNDING, "2025-01-02T08:00:00Z", "0.00002", null, "25000"));
        // 0.0001 every 8 h from 2025-01-01 08:00 to 2025-01-03 00:00 (the series reaches 08:00 on D3)
        FundingRateSeries funding = new FundingRateSeries(
                "BYBIT:BTCUSD",
                "test",
                List.of(
                        rate("2025-01-01T08:00:00Z"),
                        rate("2025-01-01T16:00:00Z"),
                        rate("2025-01-02T00:00:00Z"),
                        rate("2025-01-02T08:00:00Z"),
                        rate("2025-01-02T16:00:00Z"),
                        rate("2025-01-03T00:00:00Z")));
        List<HedgeTimeline.Day> days = HedgeTimeline.DEFAULT.days(
                BTCUSD,
                Side.SHORT,
                d("2"),
                ledger,
                BTC,
                Optional.of(funding),
                new HedgeTimeline.Insured(d("0.5"), true, BigDecimal.ZERO),
                D3);

        assertThat(days).extracting(HedgeTimeline.Day::date).containsExactly(D1, D2, D3);
        HedgeTimeline.Day d1 = days.get(0);
        // D1 at 100,000: PnL = 0 − fee 0.0001 = −0.0001 BTC = −10 USD
        assertThat(d1.pnl()).isEqualByComparingTo("-0.0001");
        assertThat(d1.pnlUsd()).isEqualByComparingTo("-10");
        assertThat(d1.fundingRecorded()).isEqualByComparingTo("0");
        // expected: 08:00 and 16:00 at the day before's close 90,000: value 25,000 / 90,000 BTC each;
        // 2 × 0.0001 × 25,000 / 90,000 = 5 / 90,000 BTC
        BigDecimal perSettlementD1 = d("2.5").divide(d("90000"), MathContext.DECIMAL128);
        assertThat(d1.fundingExpected().orElseThrow()).isEqualByComparingTo(perSettlementD1.multiply(d("2")));
        // coverage: delta 25,000 / 100,000 = 0.25 BTC; exposure 0.5 + cash (−0.0001 + 0.0501) − margin moved 0.0501
        // = 0.4999 (the fee left the bag: C − f); 0.25 / 0.4999
        assertThat(d1.coverage().orElseThrow())
                .isEqualByComparingTo(d("0.25").divide(d("0.4999"), MathContext.DECIMAL128));

        HedgeTimeline.Day d2 = days.get(1);
        // D2 at 80,000: 25,000 × (1/80,000 − 1/100,000) = 0.0625; − 0.0001 = 0.0624 BTC = 4,992 USD
        assertThat(d2.pnl()).isEqualByComparingTo("0.0624");
        assertThat(d2.pnlUsd()).isEqualByComparingTo("4992");
        assertThat(d2.fundingRecorded()).isEqualByComparingTo("0.00002");
        // + 00:00, 08:00, 16:00 of D2 at D1's close 100,000: 3 × 0.0001 × 0.25 = 0.000075
        assertThat(d2.fundingExpected().orElseThrow())
                .isEqualByComparingTo(perSettlementD1.multiply(d("2")).add(d("0.000075")));
        // exposure 0.4999 + 0.00002 funding = 0.49992
        assertThat(d2.coverage().orElseThrow())
                .isEqualByComparingTo(d("0.25").divide(d("0.49992"), MathContext.DECIMAL128));

        // D3 ends after the stored rates (they reach 08:00): no expected funding from then on
        assertThat(days.get(2).fundingExpected()).isEmpty();
    }

    private static FundingRate rate(String time) {
        return new FundingRate(Instant.parse(time), d("0.0001"));
    }

    private static HedgeEvent event(
            long id, HedgeEventType type, String at, String cash, String fee, String sizeAfter) {
        return new HedgeEvent(
                id,
                7,
                type,
                Instant.parse(at),
                "alice",
                Optional.empty(),
                Optional.empty(),
                "BTC",
                d("100000"),
                d(cash),
                d(cash).multiply(d("100000")),
                Optional.ofNullable(fee).map(BigDecimal::new),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                d(sizeAfter),
                d("100000"),
                Optional.empty(),
                "",
                false);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
