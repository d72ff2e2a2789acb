package io.hedgedesk.pricing.ledger;

import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.LEDGER;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.NOW;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.btc;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.open;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.trade;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_BTCUSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The margin's return at a close, and what it does to the bag it came from; hand arithmetic in each comment. */
class MarginReturnTest {

    /**
     * Bybit BTCUSD short 10,000 contracts at 50,000, margin 0.1 BTC, opening fee 0.00012 BTC: OPEN −0.00012,
     * MARGIN_IN 0.10012; funding +0.0002 → balance B = 0.1002. Close at 40,000 with fee 0.00011:
     * R = 10,000 × (1/40,000 − 1/50,000) = 10,000 × 0.000005 = 0.05 BTC; c = 0.05 − 0.00011 = 0.04989.
     * Returned b = 0.1002 + 0.04989 = 0.15009 BTC, as MARGIN_OUT −0.15009 (× 40,000 = −6,003.6 USD).
     * Taken from the bag: 0.10012 → the holding changes by 0.15009 − 0.10012 = +0.04997 BTC
     * (= funding 0.0002 + PnL 0.05 − fees 0.00011 − 0.00012).
     */
    @Test
    void aCloseReturnsTheBalanceLeftAndTheBagGetsTheDifference() {
        LedgerStep opened = LEDGER.open(
                BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0.00012"), NOW);
        BigDecimal balance = opened.entries().stream()
                .map(LedgerEntry::cashChange)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(new BigDecimal("0.0002"));
        LedgerPosition p = opened.after();
        LedgerStep close =
                LEDGER.withMarginReturn(btc(p, trade(HedgeEventType.CLOSE, null, "40000", "0.00011")), balance);

        assertThat(close.entries())
                .extracting(LedgerEntry::type)
                .containsExactly(HedgeEventType.CLOSE, HedgeEventType.MARGIN_OUT);
        LedgerEntry out = close.entries().get(1);
        assertThat(out.cashChange()).isEqualByComparingTo("-0.15009");
        assertThat(out.cashChangeUsd()).isEqualByComparingTo("-6003.6");
        assertThat(out.occurredAt()).isEqualTo(close.entry().occurredAt());
        assertThat(out.sizeAfter()).isZero();
        assertThat(HedgeLedger.bagChange(out.cashChange().negate(), new BigDecimal("0.10012")))
                .isEqualByComparingTo("0.04997");
    }

    /** Issue example: 450 AVAX taken from the bag, 447.3 returned → the holding changes by −2.7 AVAX. */
    @Test
    void aHedgeThatCostCoinsShrinksTheBag() {
        assertThat(HedgeLedger.bagChange(new BigDecimal("447.3"), new BigDecimal("450")))
                .isEqualByComparingTo("-2.7");
    }

    /**
     * Margin 0.1 BTC (balance 0.1), closed at 100,000: R = 10,000 × (1/100,000 − 1/50,000) = −0.1 BTC, fee 0.0001 →
     * c = −0.1001, b = −0.0001 ≤ 0: nothing comes back and no MARGIN_OUT is written.
     */
    @Test
    void nothingReturnsWhenTheMarginIsGone() {
        LedgerPosition p = LEDGER.open(
                        BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0"), NOW)
                .after();
        LedgerStep close = LEDGER.withMarginReturn(
                btc(p, trade(HedgeEventType.CLOSE, null, "100000", "0.0001")), new BigDecimal("0.1"));
        assertThat(close.entries()).extracting(LedgerEntry::type).containsExactly(HedgeEventType.CLOSE);
        assertThatThrownBy(() -> LEDGER.withMarginReturn(
                        btc(p, trade(HedgeEventType.REDUCE, "10", "40000", null)), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
