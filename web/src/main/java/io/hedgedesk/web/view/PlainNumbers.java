package io.hedgedesk.web.view;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/**
 * A {@link BigDecimal} a template prints without one of the {@link Display} extensions ({@code {x.usd}},
 * {@code {x.quantity}}, ...) is printed by {@link Display#plain}: no padding zeros and never exponent form
 * ({@code BigDecimal.toString()} writes a 10 USD face value held as {@code 1E+1} and a zero at 8 decimals as
 * {@code 0E-8}). That is the form of a value typed back into a form field; figures for reading use the extensions.
 */
@Singleton
public final class PlainNumbers implements ResultMapper {

    /** Above Qute's HTML escaper (priority 1), which would otherwise print {@code toString()}. */
    static final int PRIORITY = 10;

    /** Registers the mapper when Quarkus builds the template engine. */
    static void register(@Observes EngineBuilder builder) {
        builder.addResultMapper(new PlainNumbers());
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
        return Display.plain((BigDecimal) result);
    }
}
