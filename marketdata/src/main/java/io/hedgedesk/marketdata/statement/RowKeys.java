package io.hedgedesk.marketdata.statement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The row keys an export file and the venue's API give the same row, so that importing a file and syncing the same
 * period store each row once ({@code statement_row_key_uk}). Where both carry the venue's id, the id is the key; where
 * one of them lacks it, the key is what both carry plus the row's occurrence among equal keys of the same file or sync
 * window ({@link Counter}): two equal payments at the same second stay two, and at different seconds they differ anyway.
 *
 * <ul>
 *   <li>Bybit fill: {@code BYBIT:trade:<id>} — the file's {@code TradeId} / {@code Trade ID}, the transaction log's
 *       {@code tradeId}, the execution list's {@code execId} (Bybit v5 docs: one id per execution).</li>
 *   <li>Bybit funding: {@code BYBIT:funding:<CONTRACT>:<epoch second>#n} — the file's {@code Contract} and time, the
 *       API's {@code symbol} and {@code transactionTime} (ms, cut to the second the file shows); the API's own
 *       {@code id} is not in the file.</li>
 *   <li>Bybit transfer: {@code BYBIT:transfer:<IN|OUT>:<currency>:<epoch second>:<change>#n}.</li>
 *   <li>Binance income: {@code BINANCE:<incomeType>:<tranId>} — the Transaction History's {@code type} and
 *       {@code Transaction ID} are the income endpoint's {@code incomeType} and {@code tranId}, unique per type.</li>
 *   <li>Binance fill: {@code BINANCE:trade:<symbol>:<id>} ({@code /dapi/v1/userTrades}; no export file has fills).</li>
 * </ul>
 * Rows no API gives the same way (Bybit fills in the export without trade ids, Binance account statements, Closed
 * P&amp;L) keep their content key.
 */
public final class RowKeys {

    private RowKeys() {}

    /**
     * Numbers equal keys in the order met: {@code key#1}, {@code key#2}… (one per file or per sync window). Keys are
     * remembered by a digest, not their text: content keys are whole lines, and a file may have half a million.
     */
    public static final class Counter {
        private final Map<UUID, Integer> seen = new HashMap<>();

        public String next(String base) {
            return base + "#"
                    + seen.merge(UUID.nameUUIDFromBytes(base.getBytes(StandardCharsets.UTF_8)), 1, Integer::sum);
        }
    }

    public static String bybitTrade(String id) {
        return "BYBIT:trade:" + id;
    }

    public static String bybitFunding(String contract, Instant time, Counter counter) {
        return counter.next("BYBIT:funding:" + contract.toUpperCase(Locale.ROOT) + ":" + time.getEpochSecond());
    }

    public static String bybitTransfer(boolean in, String currency, Instant time, BigDecimal change, Counter counter) {
        return counter.next("BYBIT:transfer:" + (in ? "IN" : "OUT") + ":" + currency.toUpperCase(Locale.ROOT) + ":"
                + time.getEpochSecond() + ":" + change.stripTrailingZeros().toPlainString());
    }

    public static String binanceIncome(String type, String tranId) {
        return "BINANCE:" + type.toUpperCase(Locale.ROOT) + ":" + tranId;
    }

    public static String binanceTrade(String symbol, String id) {
        return "BINANCE:trade:" + symbol.toUpperCase(Locale.ROOT) + ":" + id;
    }
}
