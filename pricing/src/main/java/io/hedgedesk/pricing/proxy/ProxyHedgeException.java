package io.hedgedesk.pricing.proxy;

import io.hedgedesk.domain.DomainException;

/** Invalid input to a proxy-hedge computation; the message names the argument and its bad value. */
public class ProxyHedgeException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ProxyHedgeException(String message) {
        super("", message);
    }
}
