package io.hedgedesk.domain.portfolio;

import io.hedgedesk.domain.DomainException;
import java.util.Map;
import java.util.Optional;

/** Input that does not make a valid holding, portfolio or price; {@link #errors()} maps each field to its message. */
public class InvalidHoldingException extends DomainException {

    private final Map<String, String> errors;

    public InvalidHoldingException(Map<String, String> errors) {
        super(
                single(errors).map(Map.Entry::getKey).orElse(""),
                single(errors).map(Map.Entry::getValue).orElse("invalid input: " + errors));
        this.errors = Map.copyOf(errors);
    }

    public static InvalidHoldingException of(String field, String message) {
        return new InvalidHoldingException(Map.of(field, message));
    }

    public Map<String, String> errors() {
        return errors;
    }

    /** The one error of a single-field refusal: its field and message are the exception's. */
    private static Optional<Map.Entry<String, String>> single(Map<String, String> errors) {
        return errors.size() == 1 ? Optional.of(errors.entrySet().iterator().next()) : Optional.empty();
    }
}
