package io.hedgedesk.pricing.ledger;

import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_BTCUSD;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.hedge.OpenHedge;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The ledger's opening, trades and state rules, each against hand arithmetic written out here. */
class HedgeLedgerTest {

    static final HedgeLedger LEDGER = HedgeLedger.DEFAULT;
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Instant OPENED = NOW.minus(Duration.ofDays(3));
    static final Supplier<Optional<BigDecimal>> NO_MARK = Optional::empty;

    static OpenHedge open(
            String contract, Side side, String size, String entry, String leverage, String margin, String fee) {
        return new OpenHedge(
                1,
                contract,
                side,
                new BigDecimal(size),
                new BigDecimal(entry),
                new BigDecimal(leverage),
                new BigDecimal(margin),
                "DEPOSITED",
                List.of(),
                BigDecimal.ONE,
                "",
                new BigDecimal(fee),
                Optional.of(OPENED));
    }

    static LedgerStep btc(LedgerPosition position, HedgeAction action) {
        return LEDGER.apply(position, BYBIT_BTCUSD, action, NOW, NO_MARK);
    }

    static LedgerStep eth(LedgerPosition position, HedgeAction action) {
        return LEDGER.apply(position, BYBIT_ETHUSDT, action, NOW, NO_MARK);
    }

    static HedgeAction trade(HedgeEventType type, String quantity, String price, String fee) {
        return HedgeAction.trade(
                type,
                quantity == null ? null : new BigDecimal(quantity),
                new BigDecimal(price),
                fee == null ? null : new BigDecimal(fee));
    }

    static HedgeAction cash(HedgeEventType type, String amount, String usd) {
        return HedgeAction.cash(type, new BigDecimal(amount), usd == null ? null : new BigDecimal(usd), null);
    }

    static BigDecimal r(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }

    /**
     * Bybit BTCUSD (1 USD a contract), short 10,000 at 50,000, 2x, margin 0.1 BTC, opening fee 0.00012 BTC:
     * OPEN cash −0.00012 BTC (× 50,000 = −6 USD); MARGIN_IN 0.1 + 0.00012 = 0.10012 BTC; balance after the opening
     * −0.00012 + 0.10012 = 0.1 BTC = the margin.
     */
    @Test
    void anOpeningSendsMarginPlusFeeAndLeavesTheMarginAsBalance() {
        LedgerStep step = LEDGER.open(
                BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0.00012"), NOW);

        assertThat(step.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(HedgeEventType.OPEN, HedgeEventType.MARGIN_IN);
        LedgerEntry opened = step.entry();
        assertThat(opened.cashChange()).isEqualByComparingTo("-0.00012");
        assertThat(opened.cashChangeUsd()).isEqualByComparingTo("-6");
        assertThat(opened.quantity()).contains(new BigDecimal("10000"));
        assertThat(opened.fee()).contains(new BigDecimal("0.00012"));
        assertThat(opened.occurredAt()).isEqualTo(OPENED);
        assertThat(step.entries().get(1).cashChange()).isEqualByComparingTo("0.10012");
        assertThat(step.entries().get(1).settlementUsd()).isEqualByComparingTo("50000");
        BigDecimal balance =
                step.entries().stream().map(LedgerEntry::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(balance).isEqualByComparingTo("0.1");
        assertThat(step.after().margin()).isEqualByComparingTo("0.1");
        assertThat(step.after().status()).isEqualTo(HedgeStatus.OPEN);
        assertThat(step.after().realizedPnl()).isZero();
    }

    /** A rebate (fee −0.00005) is not sent: MARGIN_IN 0.1, OPEN +0.00005; no margin and no fee: OPEN alone. */
    @Test
    void aRebateIsNotSentAndNothingSentMeansNoMarginIn() {
        LedgerStep rebate = LEDGER.open(
                BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "-0.00005"), NOW);
        assertThat(rebate.entries().get(0).cashChange()).isEqualByComparingTo("0.00005");
        assertThat(rebate.entries().get(1).cashChange()).isEqualByComparingTo("0.1");

        LedgerStep bare =
                LEDGER.open(BYBIT_ETHUSDT, open("BYBIT:ETHUSDT", Side.SHORT, "1", "3000", "1", "0", "0"), NOW);
        assertThat(bare.entries()).extracting(LedgerEntry::type).containsExactly(HedgeEventType.OPEN);
        // linear: USDT at 1 USD
        assertThat(bare.entry().settlementUsd()).isEqualByComparingTo("1");
    }

    @Test
    void anOpeningInTheFutureOrAboveTheMaximumLeverageIsRefused() {
        OpenHedge future = new OpenHedge(
                1,
                "BYBIT:BTCUSD",
                Side.SHORT,
                BigDecimal.TEN,
                BigDecimal.TEN,
                BigDecimal.ONE,
                BigDecimal.ZERO,
                "",
                List.of(),
                BigDecimal.ONE,
                "",
                BigDecimal.ZERO,
                Optional.of(NOW.plusSeconds(1)));
        assertThatThrownBy(() -> LEDGER.open(BYBIT_BTCUSD, future, NOW))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("openedAt"));
        assertThatThrownBy(() ->
                        LEDGER.open(BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10", "10", "1000", "0", "0"), NOW))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("leverage"));
    }

    /**
     * The same short, then (hand arithmetic, domain.md §2):
     * <ul>
     *   <li>add 10,000 at 40,000: harmonic entry 20,000 / (10,000/50,000 + 10,000/40,000) = 20,000 / 0.45
     *   = 44,444.44…; margin stays 0.1; fee 0.00011 → cash −0.00011;</li>
     *   <li>reduce 5,000 at 40,000: 5,000·(1/40,000 − 0.45/20,000) = 5,000 × 0.0000025 = +0.0125 BTC (× 40,000 =
     *   500 USD); margin 0.1 × 15,000/20,000 = 0.075;</li>
     *   <li>close 15,000 at 50,000: 15,000·(0.00002 − 0.0000225) = −0.0375 BTC; realized −0.025 in all; margin 0.</li>
     * </ul>
     */
    @Test
    void increaseReduceAndCloseAnInverseShort() {
        LedgerPosition p = LEDGER.open(
                        BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0.00012"), NOW)
                .after();

        LedgerStep added = btc(p, trade(HedgeEventType.INCREASE, "10000", "40000", "0.00011"));
        assertThat(added.after().size()).isEqualByComparingTo("20000");
        assertThat(r(added.after().entryPrice(), 8)).isEqualByComparingTo("44444.44444444");
        assertThat(added.after().margin()).isEqualByComparingTo("0.1");
        assertThat(added.entry().cashChange()).isEqualByComparingTo("-0.00011");
        assertThat(added.entry().settlementUsd()).isEqualByComparingTo("40000");

        LedgerStep reduced = btc(added.after(), trade(HedgeEventType.REDUCE, "5000", "40000", null));
        assertThat(reduced.entry().type()).isEqualTo(HedgeEventType.REDUCE);
        assertThat(r(reduced.entry().realizedPnl().orElseThrow(), 12)).isEqualByComparingTo("0.0125");
        assertThat(r(reduced.entry().realizedPnlUsd().orElseThrow(), 6)).isEqualByComparingTo("500");
        assertThat(r(reduced.entry().cashChange(), 12)).isEqualByComparingTo("0.0125");
        assertThat(reduced.entry().fee()).isEmpty();
        assertThat(reduced.after().size()).isEqualByComparingTo("15000");
        assertThat(reduced.after().entryPrice())
                .isEqualByComparingTo(added.after().entryPrice());
        assertThat(reduced.after().margin()).isEqualByComparingTo("0.075");
        assertThat(reduced.entry().sizeAfter()).isEqualByComparingTo("15000");

        LedgerStep closed = btc(reduced.after(), trade(HedgeEventType.CLOSE, null, "50000", null));
        assertThat(r(closed.entry().realizedPnl().orElseThrow(), 12)).isEqualByComparingTo("-0.0375");
        assertThat(closed.entry().quantity()).contains(new BigDecimal("15000"));
        assertThat(r(closed.after().realizedPnl(), 12)).isEqualByComparingTo("-0.025");
        assertThat(closed.after().size()).isZero();
        assertThat(closed.after().margin()).isZero();
        assertThat(closed.after().status()).isEqualTo(HedgeStatus.CLOSED);
        assertThat(closed.after().closedAt()).contains(NOW);
    }

    /**
     * Bybit ETHUSDT (1 ETH a unit), long 0.5 at 3,000 plus 1.5 at 3,200: size-weighted entry (0.5 × 3,000 + 1.5 ×
     * 3,200) / 2 = (1,500 + 4,800) / 2 = 3,150. Reduce 0.5 at 3,350, fee 0.92 USDT: PnL 0.5 × (3,350 − 3,150) = 100
     * USDT, cash 100 − 0.92 = 99.08, in USD the same (1 USDT = 1 USD).
     */
    @Test
    void linearAveragingIsSizeWeightedAndPnlIsInUsdt() {
        LedgerPosition p = LEDGER.open(
                        BYBIT_ETHUSDT, open("BYBIT:ETHUSDT", Side.LONG, "0.5", "3000", "2", "750", "0"), NOW)
                .after();
        LedgerStep added = eth(p, trade(HedgeEventType.INCREASE, "1.5", "3200", null));
        assertThat(added.after().entryPrice()).isEqualByComparingTo("3150");
        assertThat(added.entry().settlementUsd()).isEqualByComparingTo("1");

        LedgerStep reduced = eth(added.after(), trade(HedgeEventType.REDUCE, "0.5", "3350", "0.92"));
        assertThat(reduced.entry().realizedPnl())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(reduced.entry().realizedPnlUsd())
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("100"));
        assertThat(reduced.entry().cashChange()).isEqualByComparingTo("99.08");
        assertThat(reduced.entry().fee()).contains(new BigDecimal("0.92"));
        // 750 × 1.5 / 2 = 562.5 USDT stays on the position
        assertThat(reduced.after().margin()).isEqualByComparingTo("562.5");
    }

    @Test
    void atMostTheSizeAndACloseClosesTheWholeSizeAndAFullReduceIsAClose() {
        LedgerPosition p = LEDGER.open(
                        BYBIT_ETHUSDT, open("BYBIT:ETHUSDT", Side.SHORT, "2", "3000", "2", "3000", "0"), NOW)
                .after();
        assertThatThrownBy(() -> eth(p, trade(HedgeEventType.REDUCE, "2.01", "2900", null)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors()).containsEntry("quantity", "At most the position's size 2."));
        assertThatThrownBy(() -> eth(p, trade(HedgeEventType.CLOSE, "1", "2900", null)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("quantity"));
        LedgerStep all = eth(p, trade(HedgeEventType.REDUCE, "2", "2900", null));
        assertThat(all.entry().type()).isEqualTo(HedgeEventType.CLOSE);
        assertThat(all.after().status()).isEqualTo(HedgeStatus.CLOSED);
    }
}
