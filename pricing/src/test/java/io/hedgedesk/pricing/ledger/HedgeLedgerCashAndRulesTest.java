package io.hedgedesk.pricing.ledger;

import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.LEDGER;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.NOW;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.OPENED;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.btc;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.cash;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.eth;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.open;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.trade;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_BTCUSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeAction;
import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.InvalidHedgeException;
import io.hedgedesk.domain.hedge.LedgerEntry;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Funding, fees, margin moves, notes and corrections, and the rules every action obeys. */
class HedgeLedgerCashAndRulesTest {

    private static LedgerPosition btcShort() {
        return LEDGER.open(BYBIT_BTCUSD, open("BYBIT:BTCUSD", Side.SHORT, "10000", "50000", "2", "0.1", "0"), NOW)
                .after();
    }

    private static LedgerPosition ethShort() {
        return LEDGER.open(
                        io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT,
                        open("BYBIT:ETHUSDT", Side.SHORT, "2", "3000", "2", "3000", "0"),
                        NOW)
                .after();
    }

    /**
     * On the BTC short (margin 0.1 BTC), each valued at 45,000 USD a BTC: funding +0.0002 received → +0.0002 (9 USD);
     * funding −0.00005 paid → −0.00005; fee 0.00001 → −0.00001 (−0.45 USD); margin in 0.05 → +0.05, margin 0.15;
     * margin out 0.02 → −0.02, margin 0.13; a note → 0.
     */
    @Test
    void cashEntriesCarryTheirSignsAndMarginMoves() {
        LedgerPosition p = btcShort();
        LedgerEntry received = btc(
                        p, cash(HedgeEventType.FUNDING, "0.0002", "45000").withFundingRate(new BigDecimal("0.0001")))
                .entry();
        assertThat(received.cashChange()).isEqualByComparingTo("0.0002");
        assertThat(received.cashChangeUsd()).isEqualByComparingTo("9");
        assertThat(received.fundingRate()).contains(new BigDecimal("0.0001"));
        assertThat(btc(p, cash(HedgeEventType.FUNDING, "-0.00005", "45000"))
                        .entry()
                        .cashChange())
                .isEqualByComparingTo("-0.00005");
        LedgerEntry fee = btc(p, cash(HedgeEventType.FEE, "0.00001", "45000")).entry();
        assertThat(fee.cashChange()).isEqualByComparingTo("-0.00001");
        assertThat(fee.cashChangeUsd()).isEqualByComparingTo("-0.45");
        assertThat(fee.fee()).contains(new BigDecimal("0.00001"));

        LedgerStep in = btc(p, cash(HedgeEventType.MARGIN_IN, "0.05", "45000"));
        assertThat(in.entry().cashChange()).isEqualByComparingTo("0.05");
        assertThat(in.after().margin()).isEqualByComparingTo("0.15");
        LedgerStep out = btc(in.after(), cash(HedgeEventType.MARGIN_OUT, "0.02", "45000"));
        assertThat(out.entry().cashChange()).isEqualByComparingTo("-0.02");
        assertThat(out.after().margin()).isEqualByComparingTo("0.13");
        assertThatThrownBy(() -> btc(out.after(), cash(HedgeEventType.MARGIN_OUT, "0.1301", "45000")))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors())
                                .containsEntry("amount", "At most the margin on the position, 0.13 BTC."));

        LedgerEntry note = btc(p, note("checked", Optional.of(7L))).entry();
        assertThat(note.cashChange()).isZero();
        assertThat(note.correctsEventId()).contains(7L);
        assertThat(note.note()).isEqualTo("checked");
        assertThat(note.sizeAfter()).isEqualByComparingTo("10000");
    }

    /**
     * The USD price of a coin entry: the action's, else the current mark, asked for only then; a USDT entry is at 1
     * without asking. Without either on a coin hedge the action is refused on {@code usdPrice}.
     */
    @Test
    void aCoinCashEntryIsValuedAtTheGivenPriceOrTheMark() {
        AtomicInteger asked = new AtomicInteger();
        LedgerEntry marked = LEDGER.apply(
                        btcShort(), BYBIT_BTCUSD, cash(HedgeEventType.FUNDING, "0.0001", null), NOW, () -> {
                            asked.incrementAndGet();
                            return Optional.of(new BigDecimal("48000"));
                        })
                .entry();
        assertThat(marked.settlementUsd()).isEqualByComparingTo("48000");
        assertThat(marked.cashChangeUsd()).isEqualByComparingTo("4.8");
        assertThat(btc(btcShort(), cash(HedgeEventType.FUNDING, "0.0001", "47000"))
                        .entry()
                        .settlementUsd())
                .isEqualByComparingTo("47000");
        assertThatThrownBy(() -> btc(btcShort(), cash(HedgeEventType.FUNDING, "0.0001", null)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsKey("usdPrice"));

        LedgerEntry usdt = LEDGER.apply(
                        ethShort(),
                        io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT,
                        cash(HedgeEventType.FUNDING, "1.5", null),
                        NOW,
                        () -> {
                            asked.incrementAndGet();
                            return Optional.empty();
                        })
                .entry();
        assertThat(usdt.settlementUsd()).isEqualByComparingTo("1");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aClosedHedgeAcceptsOnlyNotes() {
        LedgerPosition closed =
                eth(ethShort(), trade(HedgeEventType.CLOSE, null, "2900", null)).after();
        assertThatThrownBy(() -> eth(closed, cash(HedgeEventType.FUNDING, "1", null)))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys("type"));
        assertThatThrownBy(() -> eth(closed, cash(HedgeEventType.MARGIN_IN, "1", null)))
                .isInstanceOf(InvalidHedgeException.class);
        LedgerStep correction = eth(closed, note("the fill was 2,901", Optional.of(3L)));
        assertThat(correction.entry().correctsEventId()).contains(3L);
        assertThat(correction.after()).isEqualTo(closed);
    }

    @Test
    void anActionIsNeitherInTheFutureNorBeforeTheOpening() {
        LedgerPosition p = ethShort();
        assertThatThrownBy(() -> eth(p, at(NOW.plusSeconds(1))))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors()).containsEntry("occurredAt", "The time must not be in the future."));
        assertThatThrownBy(() -> eth(p, at(OPENED.minusSeconds(1))))
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class,
                        e -> assertThat(e.errors())
                                .containsEntry("occurredAt", "The time must not be before the hedge was opened."));
        assertThat(eth(p, at(OPENED)).entry().occurredAt()).isEqualTo(OPENED);
        assertThat(eth(p, cash(HedgeEventType.FEE, "0.1", null)).entry().occurredAt())
                .isEqualTo(NOW);
    }

    private static HedgeAction at(Instant when) {
        return HedgeAction.cash(HedgeEventType.FUNDING, BigDecimal.ONE, null, when);
    }

    private static HedgeAction note(String text, Optional<Long> corrects) {
        return new HedgeAction(
                HedgeEventType.NOTE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new BigDecimal("45000")),
                Optional.empty(),
                text,
                corrects);
    }
}
