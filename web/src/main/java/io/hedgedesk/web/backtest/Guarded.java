package io.hedgedesk.web.backtest;

import io.hedgedesk.domain.DomainException;
import io.hedgedesk.pricing.backtest.BacktestException;
import io.hedgedesk.web.api.BadInputException;
import java.util.function.Supplier;

/**
 * Runs a replay or a grade, turning a rule's refusal ({@link DomainException}) into a {@link BadInputException} naming
 * the field: the backtest's own, or {@code field} for a refusal of no single input.
 */
final class Guarded {

    private Guarded() {}

    static <T> T run(String field, Supplier<T> work) {
        try {
            return work.get();
        } catch (BacktestException e) {
            throw new BadInputException(e.field(), e.getMessage());
        } catch (BadInputException e) {
            throw e;
        } catch (DomainException e) {
            throw new BadInputException(field, e.getMessage());
        }
    }
}
