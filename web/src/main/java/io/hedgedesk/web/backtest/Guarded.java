package io.hedgedesk.web.backtest;

import io.hedgedesk.pricing.backtest.BacktestException;
import io.hedgedesk.web.api.BadInputException;
import java.util.function.Supplier;

/** Runs a replay or a grade, turning the pricing module's refusals into a {@link BadInputException} naming the field. */
final class Guarded {

  private Guarded() {
  }

  static <T> T run(String field, Supplier<T> work) {
    try {
      return work.get();
    } catch (BacktestException e) {
      throw new BadInputException(e.field(), e.getMessage());
    } catch (BadInputException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      if (!e.getClass().getName().startsWith("io.hedgedesk.")) {
        throw e;
      }
      throw new BadInputException(field, e.getMessage());
    }
  }
}
