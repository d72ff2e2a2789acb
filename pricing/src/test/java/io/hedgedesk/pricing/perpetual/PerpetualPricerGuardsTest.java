package io.hedgedesk.pricing.perpetual;

import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE;
import static io.hedgedesk.domain.instrument.LiquidationConvention.MAINTENANCE_ON_MARK_VALUE;
import static io.hedgedesk.domain.instrument.Side.LONG;
import static io.hedgedesk.domain.instrument.Side.SHORT;
import static io.hedgedesk.pricing.perpetual.TestInstruments.get;
import static io.hedgedesk.pricing.perpetual.TestInstruments.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.ContractType;
import io.hedgedesk.domain.instrument.Instrument;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every guard clause of the pricers and of {@link Position}, with its message; plus dispatch and symmetry. */
class PerpetualPricerGuardsTest {

    private static final Instrument BTCUSD = get("BYBIT:BTCUSD");
    private static final Instrument BTCUSDT = get("BYBIT:BTCUSDT");
    private static final PerpetualPricer INVERSE = InversePerpetualPricer.DEFAULT;
    private static final Position LONG_BTCUSD = Position.of(BTCUSD, LONG, "1000", "8000", "10");
    private static final Amount NO_EXTRA = Amount.zero(new Asset("BTC"));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static void rejected(Executable call, String message) {
        assertThatThrownBy(call::execute)
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessage(message);
    }

    @Test
    void positionGuards() {
        rejected(() -> Position.of(BTCUSD, LONG, "0", "8000", "10"), "size must be positive, was 0");
        rejected(() -> Position.of(BTCUSD, LONG, "-5", "8000", "10"), "size must be positive, was -5");
        rejected(() -> Position.of(BTCUSD, LONG, "10", "0", "10"), "entryPrice must be positive, was 0");
        rejected(() -> Position.of(BTCUSD, LONG, "10", "8000", "0"), "leverage must be positive, was 0");
        rejected(() -> Position.of(BTCUSD, LONG, "10", "8000", "-2"), "leverage must be positive, was -2");
        rejected(
                () -> Position.of(BTCUSD, LONG, "10", "8000", "101"),
                "leverage 101 exceeds the maximum 100 of BYBIT:BTCUSD");
        // 1,600,000 contracts at 8,000 = 200 BTC: tier 2 of BYBIT:BTCUSD (above 150 BTC), max 66.67x.
        rejected(
                () -> Position.of(BTCUSD, LONG, "1600000", "8000", "100"),
                "leverage 100 exceeds the maximum 66.67 of BYBIT:BTCUSD's tier (150, unbounded) BTC, which a position of "
                        + "200 falls in");
        // OKX counts contracts: 5,000 contracts is tier (3000, 12000], max 66.66x.
        rejected(
                () -> Position.of(get("OKX:BTC-USD-SWAP"), SHORT, "5000", "50000", "100"),
                "leverage 100 exceeds the maximum 66.66 of OKX:BTC-USD-SWAP's tier (3000, 12000] contracts, which a "
                        + "position of 5000 falls in");
        assertThatNullPointerException()
                .isThrownBy(() -> new Position(null, LONG, d("1"), d("1"), d("1")))
                .withMessage("instrument");
        assertThatNullPointerException()
                .isThrownBy(() -> new Position(BTCUSD, null, d("1"), d("1"), d("1")))
                .withMessage("side");
        // At the limits: exactly the maximum leverage is allowed.
        assertThat(Position.of(BTCUSD, LONG, "10", "8000", "100").leverage()).isEqualByComparingTo("100");
    }

    @Test
    void priceAndSizeGuards() {
        rejected(() -> INVERSE.pnl(LONG_BTCUSD, d("0")), "exitPrice must be positive, was 0");
        rejected(() -> INVERSE.pnlUsd(LONG_BTCUSD, d("-1")), "exitPrice must be positive, was -1");
        rejected(() -> INVERSE.positionValue(BTCUSD, d("0"), d("8000")), "size must be positive, was 0");
        rejected(() -> INVERSE.positionValue(BTCUSD, d("1"), d("0")), "price must be positive, was 0");
        rejected(() -> INVERSE.usdNotional(BTCUSD, d("1"), d("0")), "price must be positive, was 0");
        rejected(() -> INVERSE.coinNotional(BTCUSD, d("0"), d("1")), "size must be positive, was 0");
        rejected(() -> INVERSE.fee(BTCUSD, d("1"), d("0"), Liquidity.TAKER), "price must be positive, was 0");
        rejected(() -> INVERSE.maintenanceMargin(LONG_BTCUSD, d("0")), "price must be positive, was 0");
        rejected(() -> INVERSE.tierAt(BTCUSD, d("1"), d("-3")), "price must be positive, was -3");
    }

    @Test
    void addingAndClosingGuards() {
        rejected(() -> INVERSE.increase(LONG_BTCUSD, d("0"), d("8000")), "addedSize must be positive, was 0");
        rejected(() -> INVERSE.averageEntry(LONG_BTCUSD, d("10"), d("0")), "price must be positive, was 0");
        rejected(
                () -> INVERSE.close(LONG_BTCUSD, d("1001"), d("8000")),
                "cannot close 1001 of a position of 1000 in BYBIT:BTCUSD");
        rejected(() -> INVERSE.close(LONG_BTCUSD, d("0"), d("8000")), "closedSize must be positive, was 0");
        rejected(() -> INVERSE.close(LONG_BTCUSD, d("10"), d("0")), "exitPrice must be positive, was 0");
    }

    @Test
    void marginGuards() {
        rejected(
                () -> INVERSE.liquidationPrice(LONG_BTCUSD, MAINTENANCE_ON_MARK_VALUE, Amount.of("5", Asset.USDT)),
                "extraMargin must be in BTC, was 5 USDT");
        rejected(
                () -> INVERSE.bankruptcyPrice(LONG_BTCUSD, Amount.of("-0.1", new Asset("BTC"))),
                "extraMargin must not be negative, was -0.1 BTC");
        rejected(
                () -> INVERSE.distanceToLiquidation(LONG_BTCUSD, MAINTENANCE_ON_MARK_VALUE, NO_EXTRA, d("0")),
                "markPrice must be positive, was 0");
        assertThatNullPointerException()
                .isThrownBy(() -> INVERSE.liquidationPrice(LONG_BTCUSD, null, NO_EXTRA))
                .withMessage("convention");
    }

    @Test
    void liquidatedAtEntryIsRejected() {
        // A hand-made tier with MMR 2 % allowing 100x: at 50x, MMR = 1/L, the maintenance margin on entry equals IM.
        // 1,000 contracts of 1 USD at 10,000: value 0.1 BTC, IM = 0.1/50 = 0.002 BTC, MM = 0.1 x 2 % = 0.002 BTC.
        Instrument risky = TestInstruments.inverse("1", "100", tier(null, "0.02", "100", "0"));
        Position atLimit = Position.of(risky, LONG, "1000", "10000", "50");
        rejected(
                () -> INVERSE.liquidationPrice(atLimit, MAINTENANCE_ON_ENTRY_VALUE, NO_EXTRA),
                "position would be liquidated at entry: maintenance margin 0.002 BTC is at least the isolated margin 0.002 "
                        + "BTC (TEST:BTCUSD LONG 1000 at 10000, leverage 50, maintenance margin rate 0.02)");
        rejected(
                () -> INVERSE.liquidationPrice(atLimit, MAINTENANCE_ON_MARK_VALUE, NO_EXTRA),
                "position would be liquidated at entry: maintenance margin 0.002 BTC is at least the isolated margin 0.002 "
                        + "BTC (TEST:BTCUSD LONG 1000 at 10000, leverage 50, maintenance margin rate 0.02)");
        // Beyond: 80x.
        assertThatThrownBy(() -> INVERSE.liquidationPrice(Position.of(risky, SHORT, "1000", "10000", "80")))
                .isInstanceOf(PerpetualPricingException.class)
                .hasMessageStartingWith("position would be liquidated at entry: ");
        // Just below the limit (49x) it is fine, and extra margin rescues the 50x position.
        assertThat(INVERSE.liquidationPrice(
                        Position.of(risky, LONG, "1000", "10000", "49"), MAINTENANCE_ON_ENTRY_VALUE, NO_EXTRA))
                .isPresent();
        assertThat(INVERSE.liquidationPrice(atLimit, MAINTENANCE_ON_ENTRY_VALUE, Amount.of("0.001", new Asset("BTC"))))
                .isPresent();
    }

    @Test
    void pricerMustMatchTheContractType() {
        rejected(
                () -> InversePerpetualPricer.DEFAULT.positionValue(BTCUSDT, d("1"), d("1")),
                "InversePerpetualPricer cannot price LINEAR contract BYBIT:BTCUSDT");
        rejected(
                () -> LinearPerpetualPricer.DEFAULT.pnl(LONG_BTCUSD, d("9000")),
                "LinearPerpetualPricer cannot price INVERSE contract BYBIT:BTCUSD");
        assertThat(PerpetualPricer.of(BTCUSD)).isSameAs(InversePerpetualPricer.DEFAULT);
        assertThat(PerpetualPricer.of(BTCUSDT)).isSameAs(LinearPerpetualPricer.DEFAULT);
        assertThat(PerpetualPricer.forType(ContractType.INVERSE).contractType()).isEqualTo(ContractType.INVERSE);
        assertThat(PerpetualPricer.forType(ContractType.LINEAR).contractType()).isEqualTo(ContractType.LINEAR);
    }

    @Test
    void longPnlIsMinusShortPnlEverywhere() {
        for (Instrument instrument : TestInstruments.CATALOG.all()) {
            PerpetualPricer pricer = PerpetualPricer.of(instrument);
            Position lng = Position.of(instrument, LONG, "100", "2500", "1");
            Position shrt = Position.of(instrument, SHORT, "100", "2500", "1");
            for (String exit : List.of("1", "1250", "2499.5", "2500", "3000", "100000")) {
                assertThat(pricer.pnl(lng, d(exit)).value())
                        .as(instrument.id() + " at " + exit)
                        .isEqualByComparingTo(pricer.pnl(shrt, d(exit)).value().negate());
                assertThat(pricer.pnlUsd(lng, d(exit)).value())
                        .as(instrument.id() + " at " + exit)
                        .isEqualByComparingTo(
                                pricer.pnlUsd(shrt, d(exit)).value().negate());
            }
            assertThat(pricer.pnl(lng, d("2500")).value()).isZero();
            // Margin does not depend on the side.
            assertThat(pricer.initialMargin(lng)).isEqualTo(pricer.initialMargin(shrt));
            assertThat(pricer.maintenanceMargin(lng, d("2000"))).isEqualTo(pricer.maintenanceMargin(shrt, d("2000")));
        }
    }
}
