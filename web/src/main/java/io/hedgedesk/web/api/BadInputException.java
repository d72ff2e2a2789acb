package io.hedgedesk.web.api;

import io.hedgedesk.domain.DomainException;

/**
 * A request field that cannot be used: missing, not a number, out of range. Rendered as a 400 whose body names the
 * field (API) or as a message next to the field (pages).
 */
public class BadInputException extends DomainException {

    private static final long serialVersionUID = 1L;

    /**
     * @param field the request field at fault, as the client named it (e.g. {@code entryPrice},
     *              {@code fills[2].size})
     */
    public BadInputException(String field, String message) {
        super(field, message);
    }
}
