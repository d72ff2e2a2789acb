package io.hedgedesk.domain.instrument;

import io.hedgedesk.domain.DomainException;

/** An instrument, asset or amount that violates an invariant. The message names the field and the value. */
public class InvalidInstrumentException extends DomainException {

    private static final long serialVersionUID = 1L;

    public InvalidInstrumentException(String message) {
        super("", message);
    }
}
