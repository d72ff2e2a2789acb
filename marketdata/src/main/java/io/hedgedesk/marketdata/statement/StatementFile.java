package io.hedgedesk.marketdata.statement;

import java.util.List;

/**
 * A file read: its format, the rows read and the lines that could not be.
 *
 * @param format   the format recognised from the header
 * @param rows     every row read, in file order
 * @param problems every line not read, in file order
 */
public record StatementFile(StatementFormat format, List<StatementRow> rows, List<ReadProblem> problems) {

    public StatementFile {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
