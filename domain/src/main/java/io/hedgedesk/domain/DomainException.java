package io.hedgedesk.domain;

import java.util.Objects;

/**
 * The root of hedgedesk's rule and validation errors: input that a rule of the domain, a pricer, the store, a
 * statement reader or a request binder refuses. The message is written for the user and names the value at fault;
 * {@link #field()} names the input it concerns, so that a page can put the message next to the field and the API can
 * answer a 4xx naming it. Anything else thrown is a bug (a 500 with an error id).
 *
 * <p>An {@link IllegalArgumentException}: every rule error is an argument a rule refused, and code that guards a
 * computation with {@code catch (IllegalArgumentException e)} keeps catching them.
 */
public abstract class DomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the input the message is about, e.g. {@code "leverage"}, {@code "fills[2].size"}; empty when it
     *                concerns no single input (the message names the value)
     * @param message for the user
     */
    protected DomainException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    protected DomainException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The input the message is about, as the form or request names it; empty when it concerns no single input. */
    public String field() {
        return field;
    }
}
