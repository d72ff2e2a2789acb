package io.hedgedesk.web.calculator;

import io.hedgedesk.web.api.BadInputException;
import io.hedgedesk.web.api.Inputs;
import io.hedgedesk.web.sizing.MinimumVarianceCalculator;
import io.hedgedesk.web.sizing.MinimumVarianceForm;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The calculator page's minimum-variance hedge: the inputs as typed (each series as text, numbers separated by spaces,
 * commas or new lines), the result or the message that says what is wrong.
 */
public record MinimumVarianceSection(
        String spotChanges,
        String futuresChanges,
        String correlation,
        String spotVolatility,
        String futuresVolatility,
        String exposure,
        String contractSize,
        Optional<MinimumVarianceCalculator.MinimumVarianceView> result,
        String error) {

    static MinimumVarianceSection of(MultivaluedMap<String, String> query, MinimumVarianceCalculator calculator) {
        MinimumVarianceSection typed = new MinimumVarianceSection(
                query.getFirst("spotChanges"),
                query.getFirst("futuresChanges"),
                query.getFirst("correlation"),
                query.getFirst("spotVolatility"),
                query.getFirst("futuresVolatility"),
                query.getFirst("exposure"),
                query.getFirst("contractSize"),
                Optional.empty(),
                "");
        if (!typed.isGiven()) {
            return typed;
        }
        try {
            return typed.with(Optional.of(calculator.calculate(typed.form())), "");
        } catch (BadInputException e) {
            return typed.with(Optional.empty(), e.getMessage());
        }
    }

    private boolean isGiven() {
        return !Inputs.isBlank(spotChanges)
                || !Inputs.isBlank(futuresChanges)
                || !Inputs.isBlank(correlation)
                || !Inputs.isBlank(spotVolatility)
                || !Inputs.isBlank(futuresVolatility);
    }

    private MinimumVarianceSection with(
            Optional<MinimumVarianceCalculator.MinimumVarianceView> answer, String message) {
        return new MinimumVarianceSection(
                spotChanges,
                futuresChanges,
                correlation,
                spotVolatility,
                futuresVolatility,
                exposure,
                contractSize,
                answer,
                message);
    }

    private MinimumVarianceForm form() {
        return new MinimumVarianceForm(
                series(spotChanges),
                series(futuresChanges),
                correlation,
                spotVolatility,
                futuresVolatility,
                exposure,
                contractSize,
                null);
    }

    /** The numbers of a series' text; null when it was left blank (ρ and σ are used instead). */
    private static List<String> series(String text) {
        return Inputs.isBlank(text) ? null : Arrays.asList(text.strip().split("[\\s,;]+"));
    }
}
