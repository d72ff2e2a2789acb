package io.hedgedesk.pricing.hedge;

import io.hedgedesk.domain.DomainException;

/** Invalid input to hedge sizing or a coverage check; the message names the argument and its bad value. */
public class HedgeSizingException extends DomainException {

    private static final long serialVersionUID = 1L;

    public HedgeSizingException(String message) {
        super("", message);
    }
}
