package io.hedgedesk.web.support;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/**
 * Every {@link BigDecimal} a template prints, printed as a trader reads it: {@link BigDecimal#toPlainString()}, never in
 * exponent form. {@code BigDecimal.toString()} writes a 10 USD face value held as {@code 1E+1} and a zero at 8 decimals
 * as {@code 0E-8}; a template that prints a value without one of the {@link Formats} would show exactly that. The scale
 * is kept (a value rounded to 8 decimals shows 8), only the notation changes.
 */
@Singleton
public final class PlainDecimals implements ResultMapper {

  /** Above Qute's HTML escaper (priority 1), which would otherwise print {@code toString()}. */
  static final int PRIORITY = 10;

  /** Registers the mapper when Quarkus builds the template engine. */
  static void register(@Observes EngineBuilder builder) {
    builder.addResultMapper(new PlainDecimals());
  }

  @Override
  public int getPriority() {
    return PRIORITY;
  }

  @Override
  public boolean appliesTo(Origin origin, Object result) {
    return result instanceof BigDecimal;
  }

  @Override
  public String map(Object result, Expression expression) {
    return ((BigDecimal) result).toPlainString();
  }
}
