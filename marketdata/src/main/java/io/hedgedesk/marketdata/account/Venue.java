package io.hedgedesk.marketdata.account;

/** The venues a read-only connection can be made to, with the words a page shows. */
public enum Venue {
    BYBIT("Bybit (v5, unified or classic account)"),
    BINANCE("Binance COIN-M futures");

    private final String words;

    Venue(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
