package io.hedgedesk.domain.market;

import io.hedgedesk.domain.DomainException;

/**
 * Market data that violates an invariant: a non-positive close, unordered or duplicate dates, an empty series,
 * no common dates when aligning. The message names the field and the offending value.
 */
public class InvalidMarketDataException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidMarketDataException(String message) {
        super("", message);
    }

    public InvalidMarketDataException(String message, Throwable cause) {
        super("", message, cause);
    }
}
