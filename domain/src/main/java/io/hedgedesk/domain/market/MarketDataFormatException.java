package io.hedgedesk.domain.market;

/**
 * A market-data file that does not match its strict CSV format. Carries the 1-based line number
 * of the offending line (line 1 is the header).
 */
public final class MarketDataFormatException extends InvalidMarketDataException {

    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int lineNumber;

    public MarketDataFormatException(String sourceName, int lineNumber, String problem) {
        this(sourceName, lineNumber, problem, null);
    }

    public MarketDataFormatException(String sourceName, int lineNumber, String problem, Throwable cause) {
        super(sourceName + " line " + lineNumber + ": " + problem, cause);
        this.sourceName = sourceName;
        this.lineNumber = lineNumber;
    }

    /** The name of the file or stream being read, as given to the reader. */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based line number of the offending line; line 1 is the header. */
    public int lineNumber() {
        return lineNumber;
    }
}
