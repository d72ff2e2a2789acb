package io.hedgedesk.pricing.scenario;

import io.hedgedesk.domain.DomainException;

/** Invalid input to a scenario computation; the message names the argument and its bad value. */
public class ScenarioException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super("", message);
    }
}
