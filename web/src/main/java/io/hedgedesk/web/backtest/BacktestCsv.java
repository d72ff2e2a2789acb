package io.hedgedesk.web.backtest;

import io.hedgedesk.pricing.backtest.BacktestResult;
import io.hedgedesk.pricing.backtest.DailyPoint;
import io.hedgedesk.web.view.Display;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The daily path of a backtest or a grade as CSV (Apache Commons CSV, RFC 4180): date, hedged and unhedged equity,
 * funding received and fees paid so far (USD, 2 decimals), then the coins held with the hedge for each
 * inverse-margined coin (8 decimals). Numbers are plain decimals; a header cell that could start a formula is
 * prefixed with {@code '}.
 */
final class BacktestCsv {

    private BacktestCsv() {}

    /** The CSV as an attachment named {@code fileName} (made by the server). */
    static Response attachment(BacktestResult result, String fileName) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            write(result, writer);
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    static void write(BacktestResult result, Writer out) {
        Set<String> coins = new LinkedHashSet<>();
        result.path().forEach(p -> coins.addAll(p.coins().keySet()));
        List<String> header = new ArrayList<>(List.of("date", "hedged_usd", "unhedged_usd", "funding_usd", "fees_usd"));
        coins.forEach(c -> header.add(neutral(c) + "_coins_hedged"));
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
            printer.printRecord(header);
            for (DailyPoint p : result.path()) {
                List<String> row = new ArrayList<>(List.of(
                        p.date().toString(),
                        usd(p.hedgedUsd()),
                        usd(p.unhedgedUsd()),
                        usd(p.fundingUsd()),
                        usd(p.feesUsd())));
                for (String coin : coins) {
                    row.add(Display.satoshis(p.coins().getOrDefault(coin, BigDecimal.ZERO))
                            .toPlainString());
                }
                printer.printRecord(row);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String usd(BigDecimal value) {
        return Display.cents(value).toPlainString();
    }

    private static String neutral(String text) {
        return text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
