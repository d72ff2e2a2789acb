package io.hedgedesk.web.binding;

import io.hedgedesk.web.api.BadInputException;
import java.util.Optional;

/**
 * A typed number that cannot be used, with the field it concerns. The message names the field as the reader knows
 * it: the label on a page, the JSON or form name in the API ({@link NumberBinder} builds both the same way).
 */
public class BadNumberException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final String label;
    private final String problem;
    private final transient Optional<String> suggestion;

    BadNumberException(String field, String label, String problem, Optional<String> suggestion) {
        super(field, sentence(label, problem, suggestion));
        this.label = label;
        this.problem = problem;
        this.suggestion = suggestion;
    }

    /** The same refusal worded with another name for the field: a page's label for a field bound by its API name. */
    public String messageFor(String otherLabel) {
        return sentence(otherLabel, problem, suggestion);
    }

    private static String sentence(String label, String problem, Optional<String> suggestion) {
        return label + " " + problem
                + suggestion.map(s -> ": did you mean " + s + "?").orElse("");
    }

    /** The field's name as the message gives it. */
    public String label() {
        return label;
    }

    /** What is wrong, without the field's name (e.g. {@code must be greater than zero, was -5}). */
    public String problem() {
        return problem;
    }

    /** The value the binder would read in its place ({@code 1.5} for {@code 1,5}), when one is likely. */
    public Optional<String> suggestion() {
        return suggestion;
    }
}
