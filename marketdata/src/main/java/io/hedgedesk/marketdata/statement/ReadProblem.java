package io.hedgedesk.marketdata.statement;

/**
 * A line that could not be read, with why.
 *
 * @param line    its line number in the file (1 = the first line)
 * @param message what is wrong, naming the column
 */
public record ReadProblem(int line, String message) {}
