package io.hedgedesk.pricing.funding;

import io.hedgedesk.domain.DomainException;

/** Invalid input to a funding computation; the message names the argument and its bad value. */
public class FundingProjectionException extends DomainException {

    private static final long serialVersionUID = 1L;

    public FundingProjectionException(String message) {
        super("", message);
    }
}
