package io.hedgedesk.domain.market.feed;

/**
 * The venue answered with a server error (HTTP 5xx, Bybit retCode 10016) or could not be reached, or (offline)
 * nothing is stored to serve. Server errors are retryable; an unreachable host or a missing stored value is not.
 */
public class VenueUnavailableException extends MarketDataException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public VenueUnavailableException(String venue, String message, boolean retryable, Throwable cause) {
        super(venue, message, cause);
        this.retryable = retryable;
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
