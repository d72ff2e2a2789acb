package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of an exchange's export file, in hedgedesk's sign convention.
 *
 * @param line        the row's line number in the file (1 = the first line)
 * @param key         the exchange's own id of the row ({@code BYBIT:trade:…}, {@code BINANCE:FUNDING_FEE:…}), or, where
 *                    the file has none, the row's content with its occurrence number (two equal payments stay two)
 * @param time        when it happened (UTC)
 * @param kind        what it records
 * @param account     the account (Bybit UID, Binance user id) if the file names it
 * @param symbol      the contract as the venue names it ({@code BTCUSD}, {@code ADAUSD_PERP}), if any
 * @param asset       the coin or stablecoin the amounts are in
 * @param side        {@code BUY} or {@code SELL} for a fill
 * @param opening     true for an opening fill, false for a closing one, empty when the file does not say
 * @param quantity    contracts (inverse) or coins (linear) filled, positive
 * @param price       the fill price
 * @param fee         fee paid, positive when paid (negative = rebate)
 * @param funding     funding, positive when received
 * @param realizedPnl realized PnL booked by the row
 * @param cashChange  the change of the account balance, positive when credited
 * @param howRead     how the columns were read, in words (shown in the import preview)
 */
public record StatementRow(
        int line,
        String key,
        Instant time,
        RowKind kind,
        Optional<String> account,
        Optional<String> symbol,
        String asset,
        Optional<String> side,
        Optional<Boolean> opening,
        Optional<BigDecimal> quantity,
        Optional<BigDecimal> price,
        BigDecimal fee,
        BigDecimal funding,
        BigDecimal realizedPnl,
        BigDecimal cashChange,
        String howRead) {

    public StatementRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(cashChange, "cashChange");
        Objects.requireNonNull(howRead, "howRead");
    }

    /** The same row at another line (rows from several API lists numbered into one sequence). */
    public StatementRow withLine(int number) {
        return new StatementRow(
                number,
                key,
                time,
                kind,
                account,
                symbol,
                asset,
                side,
                opening,
                quantity,
                price,
                fee,
                funding,
                realizedPnl,
                cashChange,
                howRead);
    }
}
