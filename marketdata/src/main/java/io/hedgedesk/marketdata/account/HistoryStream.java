package io.hedgedesk.marketdata.account;

import java.time.Duration;

/** What a connection syncs besides positions, each with its own resume point. */
public enum HistoryStream {
    /** Fills: Bybit {@code /v5/execution/list}, Binance {@code /dapi/v1/userTrades}. */
    FILLS,
    /** Funding, transfers and fee rows: Bybit {@code /v5/account/transaction-log}, Binance {@code /dapi/v1/income}. */
    CASH;

    /** The longest window one request may ask for (both venues: 7 days between startTime and endTime). */
    public static final Duration WINDOW = Duration.ofDays(7);
}
