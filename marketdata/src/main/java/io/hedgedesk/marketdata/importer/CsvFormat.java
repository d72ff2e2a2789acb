package io.hedgedesk.marketdata.importer;

import io.hedgedesk.persistence.market.ShippedMarketDataFile.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The CSV layouts the market-history import reads, recognized by their header line (column names compared
 * case-insensitively, in any order; a leading byte-order mark is ignored).
 *
 * <ul>
 *   <li>{@link #PRICES} — hedgedesk's own daily closes ({@code date,close}: ISO day, decimal close), the layout of
 *       the shipped {@code prices/<SYM>-USDT-1d.csv} files. The asset comes from the form or the file name.</li>
 *   <li>{@link #FUNDING} — hedgedesk's own funding settlements ({@code time,rate}: ISO-8601 UTC instant, decimal
 *       fraction per interval), the layout of the shipped {@code funding/<VENUE>-<SYMBOL>-funding.csv} files. The
 *       contract comes from the form or the file name.</li>
 *   <li>{@link #BYBIT_API} — Bybit funding history with the field names of Bybit v5
 *       {@code GET /v5/market/funding/history} ({@code symbol,fundingRate,fundingRateTimestamp}; timestamp in epoch
 *       milliseconds, rate a decimal fraction; the API lists newest first). No authoritative layout of Bybit's
 *       website download was found, so the documented API field names are the supported header. Stored under
 *       {@code BYBIT:<symbol>}.</li>
 *   <li>{@link #BINANCE_API} — Binance funding history with the field names of {@code GET /fapi/v1/fundingRate}
 *       and COIN-M {@code GET /dapi/v1/fundingRate} ({@code symbol,fundingTime,fundingRate}, optionally
 *       {@code markPrice}, which is ignored; epoch milliseconds). Stored under {@code BINANCE:<symbol>}.</li>
 *   <li>{@link #BINANCE_PAGE} — the download of Binance's funding-rate history page as seen in public examples
 *       ({@code Time,Contracts,Funding Interval,Funding Rate}, e.g.
 *       {@code 2025-06-18 16:00:00,BTCUSDT Perpetual,8h,0.003694%}): the rate is in percent, the time is read as
 *       UTC. Not documented by Binance; the interval column is not needed (intervals come from the times).</li>
 * </ul>
 */
public enum CsvFormat {
    PRICES("hedgedesk daily closes", Kind.PRICE, List.of("date", "close"), Set.of()),
    FUNDING("hedgedesk funding rates", Kind.FUNDING, List.of("time", "rate"), Set.of()),
    BYBIT_API(
            "Bybit funding history", Kind.FUNDING, List.of("symbol", "fundingrate", "fundingratetimestamp"), Set.of()),
    BINANCE_API(
            "Binance funding history",
            Kind.FUNDING,
            List.of("symbol", "fundingtime", "fundingrate"),
            Set.of("markprice")),
    BINANCE_PAGE(
            "Binance funding-rate history page",
            Kind.FUNDING,
            List.of("time", "contracts", "funding interval", "funding rate"),
            Set.of());

    private final String label;
    private final Kind kind;
    private final List<String> required;
    private final Set<String> optional;

    CsvFormat(String label, Kind kind, List<String> required, Set<String> optional) {
        this.label = label;
        this.kind = kind;
        this.required = required;
        this.optional = optional;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The venue whose symbols the file names, if the format is a venue's. */
    Optional<String> venue() {
        return switch (this) {
            case BYBIT_API -> Optional.of("BYBIT");
            case BINANCE_API, BINANCE_PAGE -> Optional.of("BINANCE");
            default -> Optional.empty();
        };
    }

    /** The format whose columns are exactly {@code header} (required ones all present, nothing unknown). */
    static Optional<CsvFormat> of(List<String> header) {
        Set<String> names = header.stream().map(CsvFormat::normalize).collect(Collectors.toSet());
        if (names.size() != header.size()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(f -> names.containsAll(f.required)
                        && f.required.size()
                                        + (int) f.optional.stream()
                                                .filter(names::contains)
                                                .count()
                                == names.size())
                .findFirst();
    }

    /** The accepted headers, for the upload page and error messages. */
    public static String accepted() {
        return Arrays.stream(values())
                .map(f -> f.label + ": " + String.join(",", f.headerExample()))
                .collect(Collectors.joining("; "));
    }

    /** The header line as hedgedesk writes it, e.g. {@code date,close}. */
    String header() {
        return String.join(",", headerExample());
    }

    private List<String> headerExample() {
        return switch (this) {
            case BYBIT_API -> List.of("symbol", "fundingRate", "fundingRateTimestamp");
            case BINANCE_API -> List.of("symbol", "fundingTime", "fundingRate", "[markPrice]");
            case BINANCE_PAGE -> List.of("Time", "Contracts", "Funding Interval", "Funding Rate");
            default -> required;
        };
    }

    static String normalize(String column) {
        return column.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
    }
}
