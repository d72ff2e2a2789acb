package io.hedgedesk.pricing.ledger;

import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.LEDGER;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.NOW;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.eth;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.open;
import static io.hedgedesk.pricing.ledger.HedgeLedgerTest.trade;
import static io.hedgedesk.pricing.testing.ContractFixtures.BYBIT_ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.hedge.HedgeEventType;
import io.hedgedesk.domain.hedge.LedgerPosition;
import io.hedgedesk.domain.instrument.Amount;
import io.hedgedesk.domain.instrument.Asset;
import io.hedgedesk.domain.instrument.LiquidationConvention;
import io.hedgedesk.domain.instrument.Side;
import io.hedgedesk.pricing.perpetual.PerpetualPricer;
import io.hedgedesk.pricing.perpetual.Position;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The margin left after a reduce, and why: the liquidation price of what is left does not move. */
class IsolatedMarginOnReduceTest {

    @Test
    void theMarginIsReleasedInProportionToTheSizeClosed() {
        // 0.1 × 15,000 / 20,000 = 0.075; the whole size: 0; nothing closed: unchanged
        assertThat(LedgerTrades.marginAfterReduce(
                        new BigDecimal("0.1"), new BigDecimal("20000"), new BigDecimal("15000")))
                .isEqualByComparingTo("0.075");
        assertThat(LedgerTrades.marginAfterReduce(new BigDecimal("0.1"), BigDecimal.TEN, BigDecimal.ZERO))
                .isZero();
        assertThat(LedgerTrades.marginAfterReduce(new BigDecimal("0.1"), BigDecimal.TEN, BigDecimal.TEN))
                .isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> LedgerTrades.marginAfterReduce(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * ETHUSDT short q' = 2 ETH at E = 3,000, 2x, margin 4,000 USDT: IM = 2 × 3,000 / 2 = 3,000, extra X = 1,000; MMR
     * 0.5 % on the entry value, so LP = E·(1 + 1/L − MMR) + X/q' = 3,000 × 1.495 + 1,000/2 = 4,485 + 500 = 4,985.
     * Reduce 1.5 at 3,000 (PnL 0): margin 4,000 × 0.5/2 = 1,000 = IM' 750 + X' 250, LP = 4,485 + 250/0.5 = 4,985
     * again; the cash change is 0 (the released 3,000 stays in the account). Had the whole 4,000 stayed, X' = 3,250 and
     * LP = 4,485 + 6,500 = 10,985: from 66 % above the mark 3,000 to 266 %.
     */
    @Test
    void aReduceLeavesTheLiquidationPriceWhereItWas() {
        LedgerPosition before = LEDGER.open(
                        BYBIT_ETHUSDT, open("BYBIT:ETHUSDT", Side.SHORT, "2", "3000", "2", "4000", "0"), NOW)
                .after();
        LedgerStep reduced = eth(before, trade(HedgeEventType.REDUCE, "1.5", "3000", null));

        assertThat(reduced.after().margin()).isEqualByComparingTo("1000");
        assertThat(reduced.entry().cashChange()).isZero();
        assertThat(liquidation(before)).isEqualByComparingTo("4985");
        assertThat(liquidation(reduced.after())).isEqualByComparingTo("4985");
    }

    private static BigDecimal liquidation(LedgerPosition p) {
        Position position = new Position(BYBIT_ETHUSDT, p.side(), p.size(), p.entryPrice(), p.leverage());
        PerpetualPricer pricer = PerpetualPricer.of(BYBIT_ETHUSDT);
        Amount extra =
                new Amount(p.margin().subtract(pricer.initialMargin(position).value()), Asset.USDT);
        return pricer.liquidationPrice(position, LiquidationConvention.MAINTENANCE_ON_ENTRY_VALUE, extra)
                .orElseThrow();
    }
}
