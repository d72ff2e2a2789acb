package io.hedgedesk.marketdata.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hedgedesk.domain.market.feed.RateLimitedException;
import io.hedgedesk.marketdata.statement.RowKind;
import io.hedgedesk.marketdata.statement.StatementReader;
import io.hedgedesk.marketdata.statement.StatementRow;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fills and cash rows read from the stub venue: signs, pages, and the same keys as the exchange's own files. */
class HistoryClientTest {

    private static final Instant FROM = Instant.parse("2026-08-30T00:00:00Z");
    private static final Instant TO = FROM.plus(HistoryStream.WINDOW);
    private static final Instant TO2 = TO.plus(HistoryStream.WINDOW);
    private final VenueStub stub = new VenueStub("KEY123456", "SECRET").withHistory();

    @AfterEach
    void stop() {
        stub.close();
    }

    private AccountClient client(Venue venue) {
        return new AccountEndpoints(
                        stub.uri(),
                        stub.uri(),
                        stub.uri(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Clock.fixed(TO2, ZoneOffset.UTC))
                .client(venue, new Credentials("KEY123456", "SECRET"));
    }

    private List<StatementRow> both(AccountClient client, List<String> symbols) {
        List<StatementRow> rows = new ArrayList<>();
        for (Instant from : List.of(FROM, TO)) {
            for (HistoryStream stream : HistoryStream.values()) {
                rows.addAll(client.history(stream, from, from.plus(HistoryStream.WINDOW), symbols));
            }
        }
        return rows;
    }

    @Test
    void bybitFillsAndFundingHaveTheFileSignsAndKeys() {
        List<StatementRow> api = both(client(Venue.BYBIT), List.of());
        // the window's end is exclusive: endTime is a millisecond before it; the cursor of page 1 fetched page 2
        assertThat(stub.requests)
                .contains("/v5/execution/list?category=linear&limit=100&startTime=" + FROM.toEpochMilli() + "&endTime="
                        + (TO.toEpochMilli() - 1));
        assertThat(stub.requests).anySatisfy(r -> assertThat(r).endsWith("&cursor=page-2"));
        StatementRow open = api.stream()
                .filter(r -> r.key().equals("BYBIT:trade:e-ltc-open"))
                .findFirst()
                .orElseThrow();
        // execFee 0.4785 is paid (positive in the API), the file's Fee Paid −0.4785: hedgedesk's fee 0.4785 either way
        assertThat(open.fee()).isEqualByComparingTo("0.4785");
        assertThat(open.cashChange()).isEqualByComparingTo("-0.4785");
        assertThat(open.side()).contains("SELL");
        assertThat(open.opening()).contains(true);
        // the execution list's Funding entry and the log's TRADE row are not rows of their own
        assertThat(api)
                .extracting(StatementRow::kind)
                .containsExactlyInAnyOrder(
                        RowKind.TRADE, RowKind.TRADE, RowKind.FUNDING, RowKind.FUNDING, RowKind.TRANSFER_IN);

        String file = """
        Currency,Contract,Type,Direction,Quantity,Position,Filled Price,Funding,Fee Paid,Cash Flow,Change,Wallet Balance,Action,OrderId,TradeId,Time
        USDT,LTCUSDT,SETTLEMENT,--,--,-15,--,0.08703,0,0,0.08703,999.54059,SETTLEMENT,--,--,2026-09-12 08:00:00
        USDT,LTCUSDT,TRADE,SELL,5,-15,88.00,0,-0.242,0,-0.242,999.45356,OPEN,o-ltc-2,e-ltc-add,2026-09-12 07:30:00
        USDT,LTCUSDT,SETTLEMENT,--,--,-10,--,0.17406,0,0,0.17406,999.69556,SETTLEMENT,--,--,2026-09-01 16:00:00
        USDT,LTCUSDT,TRADE,SELL,10,-10,87.00,0,-0.4785,0,-0.4785,999.5215,OPEN,o-ltc-1,e-ltc-open,2026-09-01 07:30:00
        USDT,--,TRANSFER_IN,--,--,--,--,0,0,1000,1000,1000,--,--,--,2026-09-01 07:00:00
        """;
        List<StatementRow> read =
                StatementReader.DEFAULT.read(new StringReader(file)).rows();
        assertThat(api)
                .extracting(StatementRow::key)
                .containsExactlyInAnyOrderElementsOf(
                        read.stream().map(StatementRow::key).toList());
        assertThat(api)
                .extracting(StatementRow::key)
                .contains("BYBIT:funding:LTCUSDT:1788278400#1", "BYBIT:transfer:IN:USDT:1788246000:1000#1");
    }

    @Test
    void binanceIncomeHasTheTransactionHistoryKeysAndFillsCarryNoFeeOfTheirOwn() {
        List<StatementRow> api = both(client(Venue.BINANCE), List.of("LTCUSD_PERP"));
        String file = """
        Date(UTC),type,Amount,Asset,Symbol,Transaction ID
        2026-09-12 16:00:00,FUNDING_FEE,0.0001,LTC,LTCUSD_PERP,7004
        2026-09-01 08:00:00,FUNDING_FEE,0.0001,LTC,LTCUSD_PERP,7003
        2026-09-01 07:30:00,COMMISSION,-0.00057471,LTC,LTCUSD_PERP,7002
        2026-09-01 07:00:00,TRANSFER,2,LTC,,7001
        """;
        List<StatementRow> read =
                StatementReader.DEFAULT.read(new StringReader(file)).rows();
        assertThat(api.stream()
                        .filter(r -> r.kind() != RowKind.TRADE)
                        .map(StatementRow::key)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(
                        read.stream().map(StatementRow::key).toList());
        StatementRow fill =
                api.stream().filter(r -> r.kind() == RowKind.TRADE).findFirst().orElseThrow();
        assertThat(fill.key()).isEqualTo("BINANCE:trade:LTCUSD_PERP:5001");
        assertThat(fill.fee()).isZero();
        assertThat(fill.asset()).isEqualTo("LTC");
        // commission −0.00057471 credited = a fee of 0.00057471 paid
        assertThat(api)
                .filteredOn(r -> r.kind() == RowKind.FEE)
                .singleElement()
                .satisfies(r -> assertThat(r.fee()).isEqualByComparingTo("0.00057471"));
        assertThat(stub.requests)
                .anySatisfy(r -> assertThat(r)
                        .startsWith("/dapi/v1/income?startTime=" + FROM.toEpochMilli() + "&endTime="
                                + (TO.toEpochMilli() - 1) + "&page=1&limit=1000"));
    }

    @Test
    void bybitsLastAllowedRequestStopsTheSyncUntilItsLimitResets() {
        // X-Bapi-Limit-Status: requests left in the current window; 0 = the next one would be refused (retCode 10006)
        long reset = TO2.plusSeconds(42).toEpochMilli();
        stub.once(
                "/v5/account/transaction-log",
                new VenueStub.Answer(
                        200,
                        "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"list\":[],\"nextPageCursor\":\"\"}}",
                        Map.of(
                                "X-Bapi-Limit-Status",
                                "0",
                                "X-Bapi-Limit",
                                "50",
                                "X-Bapi-Limit-Reset-Timestamp",
                                Long.toString(reset))));
        assertThatThrownBy(() -> client(Venue.BYBIT).history(HistoryStream.CASH, FROM, TO, List.of()))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(42)));
    }

    @Test
    void aWindowLongerThanSevenDaysIsRefused() {
        assertThatThrownBy(() -> client(Venue.BYBIT).history(HistoryStream.FILLS, FROM, TO.plusSeconds(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
