package io.hedgedesk.pricing.perpetual;

import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_MARK_VALUE;
import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static io.hedgedesk.pricing.perpetual.TestInstruments.get;
import static io.hedgedesk.pricing.perpetual.TestInstruments.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Instrument;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.MaintenanceTier;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mark-value liquidation price with the tier chosen at the liquidation price: hand-computed tier walks in both
 * directions for both contract types, the jump at a bound where no maintenance amount is published, and the
 * defining property on every catalog contract (maintenance margin at LP = isolated margin + PnL at LP).
 */
class MarkValueLiquidationTest {

    private static final BigDecimal TIGHT = new BigDecimal("1e-24");
    private static final Instrument BINANCE_BTCUSD = get("BINANCE:BTCUSD_PERP");
    private static final Instrument BINANCE_BTCUSDT = get("BINANCE:BTCUSDT");

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal lp(Position position) {
        return PerpetualPricer.of(position.instrument())
                .liquidationPrice(position, MAINTENANCE_ON_MARK_VALUE, Amount.zero(position.settlementAsset()))
                .orElseThrow();
    }

    /** Isolated margin + PnL at {@code price}: what is left of the margin. */
    private static BigDecimal equity(Position position, BigDecimal price, BigDecimal extra) {
        PerpetualPricer pricer = PerpetualPricer.of(position.instrument());
        return pricer.initialMargin(position)
                .value()
                .add(extra)
                .add(pricer.pnl(position, price).value());
    }

    private static BigDecimal mm(Position position, BigDecimal price) {
        return PerpetualPricer.of(position.instrument())
                .maintenanceMargin(position, price)
                .value();
    }

    @Test
    void inverseLongStaysInItsEntryTier() {
        // 4,000 BTCUSD_PERP contracts (400,000 USD) at 100,000 = 4 BTC, tier 1 (<= 5 BTC, MMR 0.4 %), 125x: IM 0.032.
        // LP = Q.FV.(1 + MMR).E / (Q.FV + M.E) = 400,000 x 1.004 x 100,000 / (400,000 + 3,200) = 99,603.17...;
        // value there 400,000 / 99,603.17 = 4.0159 BTC, still tier 1.
        Position position = Position.of(BINANCE_BTCUSD, LONG, "4000", "100000", "125");
        assertThat(lp(position)).isCloseTo(d("40160000000").divide(d("403200"), PerpetualPricer.MATH), within(TIGHT));
    }

    @Test
    void inverseLongWalksUpOneTier() {
        // 4,900 contracts at 100,000 = 4.9 BTC (tier 1), 10x: M = 0.49 BTC. Tier 1 would give
        // 490,000 x 1.004 x 100,000 / (490,000 + 49,000) = 91,272.73, where the value is 5.3685 BTC > 5: tier 2
        // (MMR 0.5 %, amount 0.005): 490,000 x 1.005 x 100,000 / (490,000 + 0.495 x 100,000) = 91,278.962...,
        // value 5.3681 BTC, in (5, 10]: consistent.
        Position position = Position.of(BINANCE_BTCUSD, LONG, "4900", "100000", "10");
        BigDecimal lp = lp(position);
        assertThat(lp).isCloseTo(d("91278.96200185356811862835959221501"), within(TIGHT));
        MaintenanceTier tier = InversePerpetualPricer.DEFAULT.tierAt(BINANCE_BTCUSD, d("4900"), lp);
        assertThat(tier.maintenanceMarginRate()).isEqualByComparingTo("0.005");
        assertThat(mm(position, lp)).isCloseTo(equity(position, lp, BigDecimal.ZERO), within(TIGHT));
    }

    @Test
    void binanceThreeHundredBitcoinAtTwoTimes() {
        // 90,000 contracts at 30,000 = 300 BTC (tier (200, 400], MMR 12.5 %, amount 11.605), 2x: M = 150 BTC.
        // Tier 7: 9,000,000 x 1.125 x 30,000 / (9,000,000 + 161.605 x 30,000) = 21,934.34, value 410.3 BTC > 400:
        // tier 8 (MMR 15 %, amount 21.605): 9,000,000 x 1.15 x 30,000 / (9,000,000 + 171.605 x 30,000) = 21,946.332...,
        // value 410.09 BTC in (400, 1000]. Check: MM = 410.0913 x 15 % - 21.605 = 39.9087;
        // equity = 150 + 300 - 410.0913 = 39.9087.
        Position position = Position.of(BINANCE_BTCUSD, LONG, "90000", "30000", "2");
        BigDecimal lp = lp(position);
        assertThat(lp).isCloseTo(d("21946.33220597745995059424730441789"), within(TIGHT));
        assertThat(InversePerpetualPricer.DEFAULT
                        .positionValue(BINANCE_BTCUSD, d("90000"), lp)
                        .value())
                .isCloseTo(d("410.0913043478260869565217391304348"), within(TIGHT));
        assertThat(mm(position, lp)).isCloseTo(d("39.9086956521739130434782608695652"), within(TIGHT));
        assertThat(equity(position, lp, BigDecimal.ZERO)).isCloseTo(mm(position, lp), within(TIGHT));
    }

    @Test
    void inverseShortWalksDownOneTier() {
        // Short 6,000 contracts at 100,000 = 6 BTC (tier 2), 5x: M = 1.2 BTC. As the price rises the coin value falls.
        // Tier 2: 600,000 x 0.995 x 100,000 / (600,000 - 1.205 x 100,000) = 124,504.69, value 4.819 BTC <= 5: tier 1
        // (MMR 0.4 %, amount 0): 600,000 x 0.996 x 100,000 / (600,000 - 120,000) = 124,500 exactly, value 4.8193 BTC.
        Position position = Position.of(BINANCE_BTCUSD, SHORT, "6000", "100000", "5");
        assertThat(lp(position)).isEqualByComparingTo("124500");
        assertThat(mm(position, d("124500"))).isCloseTo(equity(position, d("124500"), BigDecimal.ZERO), within(TIGHT));
    }

    @Test
    void linearShortWalksUpOneTier() {
        // Short 5 BTC of BTCUSDT at 10,000 = 50,000 USDT (tier 1, <= 50,000), 2x: M = 25,000 USDT.
        // Tier 1: (50,000 + 25,000) / (5 x 1.004) = 14,940.24, value 74,701 > 50,000: tier 2 (MMR 0.5 %, amount 50):
        // (75,000 + 50) / (5 x 1.005) = 14,935.323..., value 74,676.6 in (50,000, 250,000].
        Position position = Position.of(BINANCE_BTCUSDT, SHORT, "5", "10000", "2");
        BigDecimal lp = lp(position);
        assertThat(lp).isCloseTo(d("14935.32338308457711442786069651741"), within(TIGHT));
        assertThat(mm(position, lp)).isCloseTo(equity(position, lp, BigDecimal.ZERO), within(TIGHT));
    }

    @Test
    void linearLongWalksDownOneTier() {
        // Long 30 BTC at 10,000 = 300,000 USDT (tier 3, MMR 1 %, amount 1,300), 2x: M = 150,000.
        // Tier 3: (300,000 - 150,000 - 1,300) / (30 x 0.99) = 5,006.73, value 150,202 <= 250,000: tier 2
        // (MMR 0.5 %, amount 50): (300,000 - 150,000 - 50) / (30 x 0.995) = 5,023.4506..., value 150,703.5.
        Position position = Position.of(BINANCE_BTCUSDT, LONG, "30", "10000", "2");
        BigDecimal lp = lp(position);
        assertThat(lp).isCloseTo(d("5023.450586264656616415410385259631"), within(TIGHT));
        assertThat(mm(position, lp)).isCloseTo(equity(position, lp, BigDecimal.ZERO), within(TIGHT));
    }

    @Test
    void maintenanceJumpAtABoundLiquidatesAtTheBound() {
        // No maintenance amount: MMR 1 % up to 10 BTC, 20 % above. Long 90,000 USD (1 USD contracts) at 10,000
        // = 9 BTC, 5x: M = 1.8 BTC.
        // Tier 1 line: 90,000 x 1.01 x 10,000 / (90,000 + 18,000) = 8,416.7, value 10.69 BTC: beyond tier 1.
        // Tier 2 line: 90,000 x 1.2 x 10,000 / 108,000 = 10,000, value 9 BTC: before tier 2.
        // At 9,000 (value exactly 10 BTC, tier 1): equity 1.8 + 90,000 x (1/10,000 - 1/9,000) = 0.8 BTC > MM 0.1 BTC;
        // just below 9,000 the position is in tier 2 with MM > 2 BTC > equity: liquidated at 9,000.
        Instrument jumpy =
                TestInstruments.inverse("1", "50", tier("10", "0.01", "50", "0"), tier(null, "0.2", "4", "0"));
        Position position = Position.of(jumpy, LONG, "90000", "10000", "5");
        assertThat(lp(position)).isEqualByComparingTo("9000");
        assertThat(equity(position, d("9000"), BigDecimal.ZERO)).isCloseTo(d("0.8"), within(TIGHT));
    }

    @Test
    void okxTiersByContractCount() {
        // OKX BTC-USD-SWAP (100 USD, tiers in contracts): 600 contracts = tier (500, 3000], MMR 0.5 %, at any price.
        // Long at 50,000, 10x: value 1.2 BTC, M = 0.12; LP = 60,000 x 1.005 x 50,000 / (60,000 + 6,000) = 45,681.818...
        Instrument okx = get("OKX:BTC-USD-SWAP");
        Position position = Position.of(okx, LONG, "600", "50000", "10");
        assertThat(InversePerpetualPricer.DEFAULT.tierMeasure(okx, d("600"), d("50000")))
                .isEqualByComparingTo("600");
        assertThat(lp(position)).isCloseTo(d("45681.81818181818181818181818181818"), within(TIGHT));
        // MM uses the coin value at the price with the contract-count tier: at 40,000, 1.5 BTC x 0.5 % = 0.0075 BTC.
        assertThat(mm(position, d("40000"))).isEqualByComparingTo("0.0075");
    }

    @Test
    void extraMarginMovesTheMarkLiquidationAway() {
        // Bybit UTA formula with extra margin (catalog README): long 60,000 BYBIT:BTCUSD at 50,000, 10x, +0.1 BTC:
        // 60,000 x 1.005 / (1.2 + 0.12 + 0.1) = 42,464.788...; MM at LP = equity at LP, extra included.
        Position position = Position.of(get("BYBIT:BTCUSD"), LONG, "60000", "50000", "10");
        BigDecimal lp = InversePerpetualPricer.DEFAULT
                .liquidationPrice(position, MAINTENANCE_ON_MARK_VALUE, Amount.of("0.1", position.settlementAsset()))
                .orElseThrow();
        assertThat(mm(position, lp)).isCloseTo(equity(position, lp, d("0.1")), within(TIGHT));
    }

    /**
     * Every catalog contract, both sides, entry values across its tiers, every allowed leverage in a ladder: the mark
     * LP is on the adverse side of entry and MM(LP) = IM + PnL(LP) (or, where MM jumps at a bound, LP is the bound
     * and the equity lies between the two tiers' MM); the entry LP satisfies IM + PnL(LP) = MMR x value at entry.
     */
    @Test
    void liquidationPricesSatisfyTheirDefiningEquationOnEveryCatalogContract() {
        int checked = 0;
        for (Instrument instrument : TestInstruments.CATALOG.all()) {
            PerpetualPricer pricer = PerpetualPricer.of(instrument);
            BigDecimal entry = d("20000");
            List<String> targets = instrument.isInverse()
                    ? List.of("0.5", "4", "30", "120", "450", "1200", "3000")
                    : List.of("1000", "60000", "400000", "3000000", "15000000", "80000000", "250000000", "400000000");
            for (String target : targets) {
                BigDecimal size = instrument.isInverse()
                        ? d(target).multiply(entry).divide(instrument.contractSize(), PerpetualPricer.MATH)
                        : d(target).divide(entry, PerpetualPricer.MATH);
                BigDecimal tierMax =
                        pricer.tierAt(instrument, size, entry).maxLeverage().min(instrument.maxLeverage());
                for (String leverage : List.of("1", "3", "10", "50", "125")) {
                    if (d(leverage).compareTo(tierMax) > 0) {
                        continue;
                    }
                    for (Side side : Side.values()) {
                        Position position = new Position(instrument, side, size, entry, d(leverage));
                        checkMark(pricer, position);
                        checkEntry(pricer, position);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(250);
    }

    private static void checkMark(PerpetualPricer pricer, Position position) {
        Optional<BigDecimal> found =
                pricer.liquidationPrice(position, MAINTENANCE_ON_MARK_VALUE, Amount.zero(position.settlementAsset()));
        if (found.isEmpty()) {
            // Only where the margin covers every move: 1x inverse shorts and 1x linear longs.
            assertThat(position.leverage()).as("%s", position).isEqualByComparingTo("1");
            return;
        }
        BigDecimal lp = found.get();
        assertThat(lp.compareTo(position.entryPrice()) * position.side().sign())
                .as("%s", position)
                .isNegative();
        BigDecimal equity = equity(position, lp, BigDecimal.ZERO);
        BigDecimal mm = mm(position, lp);
        BigDecimal tolerance = position.instrument().isInverse() ? TIGHT : d("1e-18");
        if (equity.subtract(mm).abs().compareTo(tolerance) <= 0) {
            return;
        }
        // A jump at a bound: just past LP (adversely) the maintenance margin exceeds the equity.
        BigDecimal past = lp.subtract(lp.multiply(d("1e-12"))
                .multiply(BigDecimal.valueOf(position.side().sign())));
        assertThat(equity).as("%s at LP %s", position, lp).isGreaterThan(mm);
        assertThat(equity(position, past, BigDecimal.ZERO))
                .as("%s past LP %s", position, lp)
                .isLessThan(mm(position, past));
    }

    private static void checkEntry(PerpetualPricer pricer, Position position) {
        LiquidationConvention entryConvention = MAINTENANCE_ON_ENTRY_VALUE;
        BigDecimal lp = pricer.liquidationPrice(position, entryConvention, Amount.zero(position.settlementAsset()))
                .orElseThrow();
        MaintenanceTier tier = pricer.tierAt(position.instrument(), position.size(), position.entryPrice());
        BigDecimal mmAtEntry = pricer.positionValue(position.instrument(), position.size(), position.entryPrice())
                .value()
                .multiply(tier.maintenanceMarginRate());
        BigDecimal tolerance = position.instrument().isInverse() ? TIGHT : d("1e-18");
        assertThat(equity(position, lp, BigDecimal.ZERO)).as("%s", position).isCloseTo(mmAtEntry, within(tolerance));
    }
}
