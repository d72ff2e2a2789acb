package io.hedgedesk.web.api;

/**
 * A request field that cannot be used: missing, not a number, out of range. Rendered as a 400 whose body names the
 * field (API) or as a message next to the field (pages).
 */
public class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, as the client named it (e.g. {@code entryPrice}, {@code fills[2].size}). */
    public String field() {
        return field;
    }
}
