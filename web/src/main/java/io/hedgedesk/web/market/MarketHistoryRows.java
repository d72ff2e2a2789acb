package io.hedgedesk.web.market;

import io.hedgedesk.domain.market.FundingHistoryCoverage;
import io.hedgedesk.domain.market.HistoryCoverage;
import io.hedgedesk.domain.market.PriceQuote;
import io.hedgedesk.web.view.Display;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The display rows of the market-history page: every number and date already formatted, so the template does none. */
final class MarketHistoryRows {

    private static final DateTimeFormatter UTC_MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * One stored asset.
     *
     * @param latestClose the latest close, grouped, 2 to 8 decimals (half-even), or "–" when there is none
     * @param latestDay   the UTC day of that close, or "–"
     */
    public record PriceRow(
            String asset,
            String firstDay,
            String lastDay,
            String rows,
            String source,
            String latestClose,
            String latestDay) {}

    /** One stored funding series. */
    public record FundingRow(String series, String first, String last, String rows, String source) {}

    private MarketHistoryRows() {}

    /** @param writers per asset, who imported or backfilled some of its closes (absent: none) */
    static List<PriceRow> prices(
            List<HistoryCoverage> coverage, Map<String, PriceQuote> latest, Map<String, String> writers) {
        return coverage.stream()
                .map(c -> {
                    PriceQuote quote = latest.get(c.assetSymbol());
                    return new PriceRow(
                            c.assetSymbol(),
                            c.firstDay().toString(),
                            c.lastDay().toString(),
                            count(c.rows()),
                            source(c.source(), writers.get(c.assetSymbol())),
                            quote == null ? "–" : price(quote.priceUsd()),
                            quote == null
                                    ? "–"
                                    : quote.asOf()
                                            .atOffset(ZoneOffset.UTC)
                                            .toLocalDate()
                                            .toString());
                })
                .toList();
    }

    /** @param writers per series, who imported or backfilled some of its settlements (absent: none) */
    static List<FundingRow> funding(List<FundingHistoryCoverage> coverage, Map<String, String> writers) {
        return coverage.stream()
                .map(c -> new FundingRow(
                        c.seriesId(),
                        minute(c.firstTime()),
                        minute(c.lastTime()),
                        count(c.rows()),
                        source(c.source(), writers.get(c.seriesId()))))
                .toList();
    }

    /** The stored source text, and who wrote rows by hand: "… CSV import (a.csv); imported or backfilled by Carol". */
    private static String source(String source, String writers) {
        return writers == null ? source : source + "; imported or backfilled by " + writers;
    }

    /** A count with thousands separators: 3059 → "3,059". */
    static String count(int rows) {
        return String.format(Locale.ROOT, "%,d", rows);
    }

    /**
     * A price in its quote currency with thousands separators and 2 to 8 decimals, rounded by {@link Display#price(BigDecimal)} beyond 8:
     * 87648.220000000000000000 → "87,648.22", 0.00001234 → "0.00001234".
     */
    static String price(BigDecimal price) {
        return Display.price(price);
    }

    private static String minute(Instant time) {
        return UTC_MINUTE.format(time);
    }
}
