package io.hedgedesk.domain.market.feed;

/**
 * A market-data source could not deliver. The subtype says why; {@link #retryable()} says whether asking again
 * after a pause may help (rate limits, 5xx), and the message names the venue and what was asked.
 */
public abstract class MarketDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String venue;

    protected MarketDataException(String venue, String message, Throwable cause) {
        super(venue + ": " + message, cause);
        this.venue = venue;
    }

    /** The venue (or source) that failed, e.g. {@code "Bybit v5"}. */
    public String venue() {
        return venue;
    }

    /** Whether the same request may succeed after a pause. */
    public abstract boolean retryable();
}
