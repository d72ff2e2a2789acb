package io.hedgedesk.persistence.market;

/** Reading or writing stored market data failed in the database (the cause is the driver's exception). */
public class MarketDataStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MarketDataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
