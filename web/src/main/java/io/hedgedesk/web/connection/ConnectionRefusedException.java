package io.hedgedesk.web.connection;

import io.hedgedesk.domain.DomainException;

/** A connection was not made or checked: the input, the venue's answer or the key's permissions; names the field. */
public class ConnectionRefusedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ConnectionRefusedException(String field, String message) {
        super(field, message);
    }
}
