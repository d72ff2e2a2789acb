package io.hedgedesk.marketdata.statement;

import java.util.List;

/** The export files hedgedesk reads, recognised by their header line (exact column names, in order). */
public enum StatementFormat {

    /** Bybit unified account transaction log, after a {@code UID: …} line. */
    BYBIT_TRANSACTION_LOG(
            "Bybit unified account transaction log",
            List.of(
                    "Uid",
                    "Currency",
                    "Contract",
                    "Type",
                    "Direction",
                    "Quantity",
                    "Position",
                    "Filled Price",
                    "Funding",
                    "Fee Paid",
                    "Cash Flow",
                    "Change",
                    "Wallet Balance",
                    "Action",
                    "Time(UTC)")),
    /** The same log in its variant without {@code Uid}, with order and trade ids. */
    BYBIT_TRANSACTION_LOG_IDS(
            "Bybit unified account transaction log (with trade ids)",
            List.of(
                    "Currency",
                    "Contract",
                    "Type",
                    "Direction",
                    "Quantity",
                    "Position",
                    "Filled Price",
                    "Funding",
                    "Fee Paid",
                    "Cash Flow",
                    "Change",
                    "Wallet Balance",
                    "Action",
                    "OrderId",
                    "TradeId",
                    "Time")),
    /** Bybit classic derivatives account change details. */
    BYBIT_CLASSIC_CHANGES(
            "Bybit derivatives account change details",
            List.of(
                    "Time",
                    "Currency",
                    "Contract",
                    "Type",
                    "Direction",
                    "Quantity",
                    "Position",
                    "Filled Price",
                    "Funding",
                    "Fee Paid",
                    "Cash Flow",
                    "Change",
                    "Wallet Balance",
                    "Fee Rate",
                    "Trade ID",
                    "Order ID")),
    /** Bybit Closed P&amp;L. */
    BYBIT_CLOSED_PNL(
            "Bybit Closed P&L",
            List.of(
                    "Market",
                    "Order Quantity",
                    "Entry Price",
                    "Exit Price",
                    "Opening Fee",
                    "Closing Fee",
                    "Funding Fee",
                    "cumClosedPzOpenFeeInfo",
                    "cumClosedPzTradeFeeInfo",
                    "Trade Type",
                    "Realized P&L",
                    "Trade time")),
    /** Binance futures Transaction History (COIN-M and USDⓈ-M). */
    BINANCE_TRANSACTIONS(
            "Binance futures transaction history",
            List.of("Date(UTC)", "type", "Amount", "Asset", "Symbol", "Transaction ID")),
    /** Binance account statement. */
    BINANCE_STATEMENT(
            "Binance account statement",
            List.of("User_ID", "UTC_Time", "Account", "Operation", "Coin", "Change", "Remark")),
    /** Binance account statement without the user id. */
    BINANCE_STATEMENT_NO_USER(
            "Binance account statement (without user id)",
            List.of("UTC_Time", "Account", "Operation", "Coin", "Change", "Remark")),
    /** Rows synced from Bybit's v5 API (an exchange connection), not a file. */
    BYBIT_API("Bybit v5 API sync", List.of()),
    /** Rows synced from Binance's COIN-M API (an exchange connection), not a file. */
    BINANCE_API("Binance COIN-M API sync", List.of());

    private final String title;
    private final List<String> header;

    StatementFormat(String title, List<String> header) {
        this.title = title;
        this.header = header;
    }

    /** The format's name in words, e.g. "Bybit Closed P&L". */
    public String title() {
        return title;
    }

    /** The exchange whose export it is: {@code BYBIT} or {@code BINANCE}. */
    public String exchange() {
        return name().substring(0, name().indexOf('_'));
    }

    /** False for the API syncs, which have no file and no header. */
    public boolean isFile() {
        return !header.isEmpty();
    }

    /** Its header's columns, in order. */
    public List<String> header() {
        return header;
    }
}
