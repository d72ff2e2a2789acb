package io.hedgedesk.domain.market.feed;

/** The venue answered, but not with what its documentation describes (bad JSON, a missing or invalid field). */
public class MalformedPayloadException extends MarketDataException {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String venue, String message, Throwable cause) {
        super(venue, message, cause);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
