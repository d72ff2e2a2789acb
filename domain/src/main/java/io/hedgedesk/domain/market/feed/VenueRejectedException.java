package io.hedgedesk.domain.market.feed;

/**
 * The venue refused the request as wrong: a bad parameter or an unknown symbol (Bybit {@code retCode 10001}, Binance
 * {@code {"code":-1121,"msg":"Invalid symbol."}}), or the contract is not one this source serves. Not retryable.
 */
public class VenueRejectedException extends MarketDataException {

    private static final long serialVersionUID = 1L;

    private final String venueCode;
    private final String venueMessage;

    /**
     * @param venueCode    the venue's own error code as text ({@code "10001"}, {@code "-1121"}), or {@code "HTTP 4xx"}
     * @param venueMessage the venue's own message
     */
    public VenueRejectedException(String venue, String what, String venueCode, String venueMessage) {
        super(venue, what + " refused: " + venueCode + " " + venueMessage, null);
        this.venueCode = venueCode;
        this.venueMessage = venueMessage;
    }

    public String venueCode() {
        return venueCode;
    }

    public String venueMessage() {
        return venueMessage;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
