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
import io.hedgedesk.domain.hedge.HedgeStatus;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "Recorded by mistake": voiding an event or a whole hedge, as VOID entries of the append-only ledger. */
class HedgeLedgerVoidTest {

    private static final BigDecimal USD = new BigDecimal("45000");

    private static LedgerPosition btcShort() {
        return LEDGER.open(BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0"), NOW)
                .after();
    }

    /** A funding of +0.0002 BTC voided: VOID referencing it, cash 0, the position (size 10,000, margin 0.1) as it was. */
    @Test
    void aFundingVoidedLeavesThePositionAndReferencesTheEvent() {
        LedgerPosition p = btcShort();
        LedgerStep step = LEDGER.voidEvent(p, 41, HedgeEventType.FUNDING, USD, false, NOW, " typed twice ");
        LedgerEntry v = step.entry();
        assertThat(v.type()).isEqualTo(HedgeEventType.VOID);
        assertThat(v.correctsEventId()).contains(41L);
        assertThat(v.cashChange()).isZero();
        assertThat(v.note()).isEqualTo("typed twice");
        assertThat(v.sizeAfter()).isEqualByComparingTo("10000");
        assertThat(step.after()).isEqualTo(p);
    }

    @Test
    void tradesMarginMovesVoidedEventsAndClosedHedgesAreRefused() {
        LedgerPosition p = btcShort();
        assertThatThrownBy(() -> LEDGER.voidEvent(p, 1, HedgeEventType.INCREASE, USD, false, NOW, ""))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors())
                                .containsEntry(
                                        "eventId",
                                        "A increase shaped the position and cannot be voided alone: void the whole hedge and record it again."));
        assertThatThrownBy(() -> LEDGER.voidEvent(p, 1, HedgeEventType.MARGIN_IN, USD, false, NOW, ""))
                .isInstanceOf(InvalidHedgeException.class);
        assertThatThrownBy(() -> LEDGER.voidEvent(p, 1, HedgeEventType.FEE, USD, true, NOW, ""))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors()).containsEntry("eventId", "This event is already voided."));
        LedgerPosition closed =
                btc(p, trade(HedgeEventType.CLOSE, null, "40000", null)).after();
        assertThatThrownBy(() -> LEDGER.voidEvent(closed, 1, HedgeEventType.FEE, USD, false, NOW, ""))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("type"));
        assertThatThrownBy(() -> LEDGER.voidHedge(closed, USD, NOW, ""))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("type"));
    }

    /** A hedge voided: VOID without reference, the position CLOSED now with size and margin kept (for the record). */
    @Test
    void aVoidedHedgeIsClosedWithoutATrade() {
        LedgerPosition p = btcShort();
        LedgerStep step = LEDGER.voidHedge(p, USD, NOW, "");
        assertThat(step.entry().type()).isEqualTo(HedgeEventType.VOID);
        assertThat(step.entry().correctsEventId()).isEqualTo(Optional.empty());
        assertThat(step.entry().note()).isEqualTo("recorded by mistake");
        assertThat(step.after().status()).isEqualTo(HedgeStatus.CLOSED);
        assertThat(step.after().closedAt()).contains(NOW);
        assertThat(step.after().size()).isEqualByComparingTo("10000");
        assertThat(step.after().margin()).isEqualByComparingTo("0.1");
    }
}
