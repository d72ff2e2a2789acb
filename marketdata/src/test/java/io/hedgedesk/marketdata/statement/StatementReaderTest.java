package io.hedgedesk.marketdata.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.DomainException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sample files written from the headers the venues' exports carry; each expected number is the cell read with the
 * sign convention stated at {@link BybitRows} / {@link BinanceRows}, worked out by hand in the comments.
 */
class StatementReaderTest {

    private static StatementFile read(String text) {
        return StatementReader.DEFAULT.read(new StringReader(text));
    }

    @Test
    void bybitTransactionLogAfterItsUidLine() {
        StatementFile file = read("""
        UID: 1234567,Company Name: ,Country:\s
        Uid,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,Time(UTC)
        1234567,BTC,BTCUSD,TRANSFER_IN,--,0,0,0,0,0,0.1,0.1,0.1,--,2024-03-01 07:00:00
        1234567,BTC,BTCUSD,TRADE,SELL,1000,-1000,60000,0,-0.00000917,0,-0.00000917,0.09999083,OPEN,2024-03-01 07:30:00
        1234567,BTC,BTCUSD,SETTLEMENT,--,0,-1000,0,0.0000016,0,0,0.0000016,0.09999243,SETTLEMENT,2024-03-01 08:00:00
        1234567,BTC,BTCUSD,SETTLEMENT,--,0,-1000,0,0.0000016,0,0,0.0000016,0.09999403,SETTLEMENT,2024-03-01 08:00:00
        1234567,BTC,BTCUSD,TRADE,BUY,400,-600,61000,0,-0.0000036,-0.00010929,-0.00011289,0.09988114,CLOSE,2024-03-02 10:00:00
        """);
        assertThat(file.format()).isEqualTo(StatementFormat.BYBIT_TRANSACTION_LOG);
        assertThat(file.problems()).isEmpty();
        List<StatementRow> rows = file.rows();
        assertThat(rows)
                .extracting(StatementRow::kind)
                .containsExactly(RowKind.TRANSFER_IN, RowKind.TRADE, RowKind.FUNDING, RowKind.FUNDING, RowKind.TRADE);
        // line numbers count the UID line and the header: the first row is line 3
        assertThat(rows).extracting(StatementRow::line).containsExactly(3, 4, 5, 6, 7);
        StatementRow open = rows.get(1);
        assertThat(open.side()).contains("SELL");
        assertThat(open.opening()).contains(true);
        assertThat(open.quantity()).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("1000"));
        // Fee Paid −0.00000917 (paid) → fee +0.00000917; Change = 0 + 0 + (−0.00000917)
        assertThat(open.fee()).isEqualByComparingTo("0.00000917");
        assertThat(open.cashChange()).isEqualByComparingTo("-0.00000917");
        assertThat(open.time()).isEqualTo(Instant.parse("2024-03-01T07:30:00Z"));
        assertThat(open.account()).contains("1234567");
        // funding received: +0.0000016; two equal settlements in one file stay two rows with two keys
        assertThat(rows.get(2).funding()).isEqualByComparingTo("0.0000016");
        assertThat(rows.get(2).key()).isNotEqualTo(rows.get(3).key());
        // the close: Cash Flow −0.00010929 is its realized PnL; Change = −0.00010929 + 0 − 0.0000036 = −0.00011289
        StatementRow close = rows.get(4);
        assertThat(close.opening()).contains(false);
        assertThat(close.realizedPnl()).isEqualByComparingTo("-0.00010929");
        assertThat(close.fee()).isEqualByComparingTo("0.0000036");
        assertThat(close.howRead()).contains("fee = −Fee Paid = 0.0000036");
    }

    @Test
    void aBybitRowWhoseChangeBreaksTheIdentityIsRefusedWithItsLine() {
        // Change 0.00000917 with Fee Paid −0.00000917: the signs were flipped somewhere
        StatementFile file = read("""
        Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,OrderId,TradeId,Time
        BTC,BTCUSD,TRADE,SELL,1000,-1000,60000,0,-0.00000917,0,0.00000917,0.1,OPEN,o-1,t-1,2024-03-01 07:30:00
        BTC,BTCUSD,TRADE,SELL,10,-1010,60000,0,-0.0000000917,0,-0.0000000917,0.1,OPEN,o-2,t-2,2024-03-01 07:31:00
        """);
        assertThat(file.format()).isEqualTo(StatementFormat.BYBIT_TRANSACTION_LOG_IDS);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("Change 0.00000917 is not Cash Flow + Funding + Fee Paid");
        });
        // the trade id keys the fill, so the same fill in an overlapping file is the same row
        assertThat(file.rows())
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("BYBIT:trade:t-2"));
    }

    @Test
    void bybitClassicAccountChangesReadTheDirectionInWords() {
        StatementFile file = read("""
        Time,Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Fee Rate,Trade ID,Order ID
        2023-05-01 08:00:00,ETH,ETHUSD,trade,Open Short,3000,-3000,2000,0,-0.000825,0,-0.000825,1.5,0.00055,tr-9,or-9
        2023-05-01 16:00:00,ETH,ETHUSD,funding,--,0,-3000,0,-0.00015,0,0,-0.00015,1.49985,--,--,--
        """);
        assertThat(file.format()).isEqualTo(StatementFormat.BYBIT_CLASSIC_CHANGES);
        StatementRow open = file.rows().get(0);
        assertThat(open.side()).contains("SELL");
        assertThat(open.opening()).contains(true);
        assertThat(open.key()).isEqualTo("BYBIT:trade:tr-9");
        // funding −0.00015: paid by the short (a negative rate)
        assertThat(file.rows().get(1).funding()).isEqualByComparingTo("-0.00015");
        assertThat(file.rows().get(1).kind()).isEqualTo(RowKind.FUNDING);
    }

    @Test
    void bybitClosedPnlIsASummaryForReconciliation() {
        StatementFile file = read("""
        Market,Order Quantity,Entry Price,Exit Price,Opening Fee,Closing Fee,Funding Fee,cumClosedPzOpenFeeInfo,cumClosedPzTradeFeeInfo,Trade Type,Realized P&L,Trade time
        BTCUSD,400,60000,61000,0.0000036,0.0000036,0,0,0,Close Short,-0.00011649,2024-03-02 10:00:00
        """);
        StatementRow row = file.rows().get(0);
        assertThat(row.kind()).isEqualTo(RowKind.CLOSED_POSITION);
        assertThat(row.asset()).isEqualTo("BTC");
        assertThat(row.fee()).isEqualByComparingTo("0.0000072");
        assertThat(row.realizedPnl()).isEqualByComparingTo("-0.00011649");
        assertThat(row.cashChange()).isZero();
        assertThat(row.side()).contains("BUY");
    }

    @Test
    void binanceTransactionHistorySignsAndKeys() {
        StatementFile file = read("""
        Date(UTC),type,Amount,Asset,Symbol,Transaction ID
        2024-03-01 00:00:00,TRANSFER,100,ADA,,9001
        2024-03-01 00:05:00,COMMISSION,-0.5,ADA,ADAUSD_PERP,9002
        2024-03-01 08:00:00,FUNDING_FEE,0.12,ADA,ADAUSD_PERP,9002
        2024-03-01 16:00:00,FUNDING_FEE,-0.03,ADA,ADAUSD_PERP,9003
        2024-03-02 10:00:00,REALIZED_PNL,-2.5,ADA,ADAUSD_PERP,9004
        2024-03-03 10:00:00,TRANSFER,-97.09,ADA,,9005
        """);
        assertThat(file.format()).isEqualTo(StatementFormat.BINANCE_TRANSACTIONS);
        List<StatementRow> rows = file.rows();
        assertThat(rows)
                .extracting(StatementRow::kind)
                .containsExactly(
                        RowKind.TRANSFER_IN,
                        RowKind.FEE,
                        RowKind.FUNDING,
                        RowKind.FUNDING,
                        RowKind.REALIZED_PNL,
                        RowKind.TRANSFER_OUT);
        // COMMISSION −0.5 (debited) → fee paid 0.5; FUNDING_FEE +0.12 → received, −0.03 → paid
        assertThat(rows.get(1).fee()).isEqualByComparingTo("0.5");
        assertThat(rows.get(2).funding()).isEqualByComparingTo("0.12");
        assertThat(rows.get(3).funding()).isEqualByComparingTo("-0.03");
        assertThat(rows.get(4).realizedPnl()).isEqualByComparingTo("-2.5");
        // the same id under two income types is two rows (tranId is unique per type)
        assertThat(rows.get(1).key()).isEqualTo("BINANCE:COMMISSION:9002");
        assertThat(rows.get(2).key()).isEqualTo("BINANCE:FUNDING_FEE:9002");
        // the account's balance moved by the sum of the amounts: 100 − 0.5 + 0.12 − 0.03 − 2.5 − 97.09 = 0
        assertThat(rows.stream().map(StatementRow::cashChange).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isZero();
    }

    @Test
    void binanceAccountStatementWithAndWithoutUserId() {
        StatementFile withUser = read("""
        User_ID,UTC_Time,Account,Operation,Coin,Change,Remark
        42,2024-03-01 08:00:00,Coin-M Futures,Funding Fee,ADA,0.12,
        42,2024-03-01 08:00:00,Spot,Buy,ADA,100,
        42,2024-03-01 09:00:00,Coin-M Futures,Fee,ADA,-0.5,
        """);
        assertThat(withUser.format()).isEqualTo(StatementFormat.BINANCE_STATEMENT);
        assertThat(withUser.rows())
                .extracting(StatementRow::kind)
                .containsExactly(RowKind.FUNDING, RowKind.OTHER, RowKind.FEE);
        assertThat(withUser.rows().get(0).account()).contains("42");
        assertThat(withUser.rows().get(2).fee()).isEqualByComparingTo("0.5");
        StatementFile noUser = read("""
        UTC_Time,Account,Operation,Coin,Change,Remark
        2024-03-01 08:00:00,USD-M Futures,Realized Profit and Loss,USDT,12.5,
        2024-03-01 08:00:00,USD-M Futures,Realized Profit and Loss,USDT,12.5,
        """);
        assertThat(noUser.format()).isEqualTo(StatementFormat.BINANCE_STATEMENT_NO_USER);
        // two equal rows stay two
        assertThat(noUser.rows())
                .extracting(StatementRow::key)
                .doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void badLinesAreNamedAndUnknownFilesListTheFormats() {
        StatementFile file = read("""
        Date(UTC),type,Amount,Asset,Symbol,Transaction ID
        2024-03-01 00:00:00,FUNDING_FEE,1.5e-3,ADA,ADAUSD_PERP,1
        2024-03-01 00:00:00,FUNDING_FEE,１,ADA,ADAUSD_PERP,2
        yesterday,FUNDING_FEE,0.1,ADA,ADAUSD_PERP,3
        2024-03-01 00:00:00,FUNDING_FEE,0.1,ADA
        """);
        assertThat(file.rows()).isEmpty();
        assertThat(file.problems()).extracting(ReadProblem::line).containsExactly(2, 3, 4, 5);
        assertThat(file.problems().get(0).message()).startsWith("Amount must be a plain number");
        assertThat(file.problems().get(1).message()).startsWith("Amount must be a plain number");
        assertThat(file.problems().get(2).message()).startsWith("Date(UTC) must be a UTC time");
        assertThat(file.problems().get(3).message()).isEqualTo("expected 6 cells, found 4");
        assertThatThrownBy(() -> read("date,close\n2024-01-01,1\n"))
                .isInstanceOf(UnknownStatementException.class)
                .hasMessageContaining("Bybit Closed P&L")
                .hasMessageContaining("Binance account statement");
        assertThatThrownBy(() -> read("")).isInstanceOf(UnknownStatementException.class);
    }

    /** An unreadable file is a rule error about the upload: a {@link DomainException} naming the field "file". */
    @Test
    void anUnknownFileIsARuleErrorAboutTheFile() {
        assertThatThrownBy(() -> read("foo,bar\n1,2\n")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.field()).isEqualTo("file");
            assertThat(e.getMessage())
                    .startsWith("This file's header (foo,bar) is none of the exports hedgedesk reads");
        });
    }
}
