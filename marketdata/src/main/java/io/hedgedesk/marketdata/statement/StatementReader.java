package io.hedgedesk.marketdata.statement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an exchange's export file: recognises its format from the header (after Bybit's {@code UID: …} line and a
 * byte-order mark, if any) and reads every row, collecting the lines it cannot read with their line numbers instead
 * of stopping. Stateless.
 */
public final class StatementReader {

    /** The shared instance. */
    public static final StatementReader DEFAULT = new StatementReader();

    private StatementReader() {}

    /**
     * Reads {@code file}.
     *
     * @throws UnknownStatementException when the header is none of {@link StatementFormat}'s
     */
    public StatementFile read(Reader file) {
        List<StatementRow> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        StatementFormat format = read(file, rows::add, problems::add);
        return new StatementFile(format, rows, problems);
    }

    /**
     * Reads {@code file} row by row, handing each row read to {@code rows} and each line not read to {@code problems},
     * in file order, without keeping them: memory stays flat whatever the file's length (but for a 16-byte digest a
     * row of the formats without ids, counted to number equal rows).
     *
     * @return the format recognised from the header
     * @throws UnknownStatementException when the header is none of {@link StatementFormat}'s
     */
    public StatementFormat read(Reader file, Consumer<StatementRow> rows, Consumer<ReadProblem> problems) {
        return read(file, format -> {}, rows, problems);
    }

    /**
     * As {@link #read(Reader, Consumer, Consumer)}, handing the format to {@code recognised} as soon as the header is
     * read, before the first row.
     */
    public StatementFormat read(
            Reader file,
            Consumer<StatementFormat> recognised,
            Consumer<StatementRow> rows,
            Consumer<ReadProblem> problems) {
        try (BufferedReader in = new BufferedReader(file)) {
            int skipped = 0;
            in.mark(1 << 16);
            String first = in.readLine();
            if (first == null) {
                throw new UnknownStatementException("empty file");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            if (first.startsWith("UID:")) {
                skipped = 1; // Bybit's account line before the header
            } else {
                in.reset();
                if (in.read() != '\uFEFF') {
                    in.reset();
                }
            }
            CSVParser parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(in);
            List<String> header =
                    parser.getHeaderNames().stream().map(String::strip).toList();
            StatementFormat format = recognise(header);
            recognised.accept(format);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i);
            }
            RowKeys.Counter keys = new RowKeys.Counter();
            for (CSVRecord record : parser) {
                // line numbers count from the file's first line: the skipped account line and the header come first
                int line = (int) record.getRecordNumber() + 1 + skipped;
                Cells cells = new Cells(record, columns);
                if (record.size() != header.size()) {
                    problems.accept(
                            new ReadProblem(line, "expected " + header.size() + " cells, found " + record.size()));
                    continue;
                }
                try {
                    rows.accept(
                            switch (format) {
                                case BYBIT_TRANSACTION_LOG, BYBIT_TRANSACTION_LOG_IDS, BYBIT_CLASSIC_CHANGES ->
                                    BybitRows.change(format, cells, line, keys);
                                case BYBIT_CLOSED_PNL -> BybitRows.closed(cells, line, keys);
                                case BINANCE_TRANSACTIONS -> BinanceRows.transaction(cells, line);
                                case BINANCE_STATEMENT, BINANCE_STATEMENT_NO_USER ->
                                    BinanceRows.statement(cells, line, keys);
                                case BYBIT_API, BINANCE_API -> throw new IllegalStateException("not a file format");
                            });
                } catch (Cells.BadCell e) {
                    problems.accept(new ReadProblem(line, e.getMessage()));
                }
            }
            return format;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format whose header is exactly {@code header}. */
    static StatementFormat recognise(List<String> header) {
        for (StatementFormat format : StatementFormat.values()) {
            if (format.isFile() && format.header().equals(header)) {
                return format;
            }
        }
        String shown = String.join(",", header);
        throw new UnknownStatementException(shown.length() > 120 ? shown.substring(0, 120) + "…" : shown);
    }
}
