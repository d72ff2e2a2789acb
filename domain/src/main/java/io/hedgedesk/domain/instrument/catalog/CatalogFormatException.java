package io.hedgedesk.domain.instrument.catalog;

import io.hedgedesk.domain.DomainException;

/**
 * A contract catalog that cannot be loaded: malformed JSON (the message gives line, column and offset) or an entry
 * that breaks the schema (the message names the entry and the field).
 */
public class CatalogFormatException extends DomainException {

    private static final long serialVersionUID = 1L;

    public CatalogFormatException(String message) {
        super("", message);
    }

    public CatalogFormatException(String message, Throwable cause) {
        super("", message, cause);
    }
}
