package io.hedgedesk.domain.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.instrument.Side;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Guard clauses of the hedge commands: each bad field is named in the error map. */
class HedgeCommandsTest {

    private static OpenHedge open(String size, String entry, String leverage, String margin, String coverage) {
        return new OpenHedge(
                1,
                "BYBIT:BTCUSD",
                Side.SHORT,
                new BigDecimal(size),
                new BigDecimal(entry),
                new BigDecimal(leverage),
                new BigDecimal(margin),
                null,
                List.of(2L),
                new BigDecimal(coverage),
                null,
                null);
    }

    private static void refused(Runnable command, String field) {
        assertThatThrownBy(command::run)
                .isInstanceOfSatisfying(
                        InvalidHedgeException.class, e -> assertThat(e.errors()).containsOnlyKeys(field));
    }

    @Test
    void openHedgeValidatesEveryAmount() {
        OpenHedge ok = open("100", "50000", "2", "0", "1");
        assertThat(ok.marginSource()).isEqualTo("UNSPECIFIED");
        assertThat(ok.planJson()).isEmpty();
        assertThat(ok.fee()).isZero();
        assertThat(ok.openedAt()).isEmpty();
        refused(() -> open("0", "50000", "2", "0", "1"), "size");
        refused(() -> open("1", "-1", "2", "0", "1"), "entryPrice");
        refused(() -> open("1", "1", "0", "0", "1"), "leverage");
        refused(() -> open("1", "1", "1", "-0.1", "1"), "margin");
        refused(() -> open("1", "1", "1", "0", "2.01"), "targetCoverage");
        refused(() -> open("1", "1", "1", "0", "0"), "targetCoverage");
        refused(
                () -> new OpenHedge(
                        1,
                        " ",
                        Side.SHORT,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ZERO,
                        "",
                        List.of(),
                        BigDecimal.ONE,
                        "",
                        BigDecimal.ZERO),
                "contractId");
    }

    @Test
    void actionsRequireTheirFields() {
        refused(() -> HedgeAction.trade(HedgeEventType.INCREASE, null, BigDecimal.ONE, null), "quantity");
        refused(() -> HedgeAction.trade(HedgeEventType.REDUCE, BigDecimal.ONE, BigDecimal.ZERO, null), "price");
        assertThat(HedgeAction.trade(HedgeEventType.CLOSE, null, BigDecimal.TEN, null)
                        .quantity())
                .isEmpty();
        refused(() -> HedgeAction.cash(HedgeEventType.FEE, BigDecimal.ZERO, null, null), "amount");
        refused(() -> HedgeAction.cash(HedgeEventType.MARGIN_OUT, new BigDecimal("-1"), null, null), "amount");
        refused(
                () -> HedgeAction.cash(HedgeEventType.FUNDING, BigDecimal.ONE, null, null)
                        .withFundingRate(BigDecimal.ONE),
                "fundingRate");
        refused(() -> HedgeAction.cash(HedgeEventType.FUNDING, BigDecimal.ONE, BigDecimal.ZERO, null), "usdPrice");
        refused(() -> HedgeAction.trade(HedgeEventType.OPEN, BigDecimal.ONE, BigDecimal.ONE, null), "type");
        refused(
                () -> new HedgeAction(
                        HedgeEventType.NOTE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        " ",
                        Optional.empty()),
                "note");
        refused(
                () -> new HedgeAction(
                        HedgeEventType.NOTE,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        "x".repeat(501),
                        Optional.empty()),
                "note");
        // a funding payment is a negative amount, and is valid
        assertThat(HedgeAction.cash(HedgeEventType.FUNDING, new BigDecimal("-0.0001"), null, null)
                        .amount())
                .contains(new BigDecimal("-0.0001"));
    }
}
