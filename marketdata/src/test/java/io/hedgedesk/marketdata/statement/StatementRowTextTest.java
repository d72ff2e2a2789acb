package io.hedgedesk.marketdata.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementRowTextTest {

    @Test
    void aRowComesBackAsItWasWithoutItsHowReadText() {
        StatementRow row = new StatementRow(
                7,
                "BYBIT:content:a|b\\c\u001fd#2",
                Instant.parse("2024-03-01T07:30:00Z"),
                RowKind.TRADE,
                Optional.of("1234567"),
                Optional.of("BTCUSD"),
                "BTC",
                Optional.of("SELL"),
                Optional.of(true),
                Optional.of(new BigDecimal("1000")),
                Optional.of(new BigDecimal("60000.50")),
                new BigDecimal("0.00000917"),
                BigDecimal.ZERO,
                new BigDecimal("-1E-8"),
                new BigDecimal("-0.00000917"),
                "how it was read");
        StatementRow back = StatementRowText.read(StatementRowText.write(row));
        assertThat(back)
                .isEqualTo(new StatementRow(
                        row.line(),
                        row.key(),
                        row.time(),
                        row.kind(),
                        row.account(),
                        row.symbol(),
                        row.asset(),
                        row.side(),
                        row.opening(),
                        row.quantity(),
                        row.price(),
                        row.fee(),
                        row.funding(),
                        row.realizedPnl(),
                        row.cashChange(),
                        ""));
    }

    @Test
    void absentValuesStayAbsentAndABackslashOrDashStaysAValue() {
        StatementRow row = new StatementRow(
                3,
                "\\-",
                Instant.parse("2024-03-01T07:00:00Z"),
                RowKind.TRANSFER_IN,
                Optional.empty(),
                Optional.empty(),
                "-",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                new BigDecimal("0.1"),
                "");
        assertThat(StatementRowText.read(StatementRowText.write(row))).isEqualTo(row);
    }
}
