package io.hedgedesk.domain.market.feed;

/** The venue did not connect or answer within the configured time-out. Not retried: a slow venue must not hold up. */
public class VenueTimeoutException extends MarketDataException {

    private static final long serialVersionUID = 1L;

    public VenueTimeoutException(String venue, String message, Throwable cause) {
        super(venue, message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
