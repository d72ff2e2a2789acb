package io.hedgedesk.web.support;

import io.hedgedesk.web.binding.BadNumberException;
import io.hedgedesk.web.binding.NumberBinder;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.LongFunction;

/**
 * Whole numbers bound from a path, query or form parameter (ids, versions, a chart's window) are read by
 * {@link NumberBinder}, so they take the digits 0-9 only. The converters JAX-RS uses by default ({@code Long.valueOf})
 * read {@code ٣} as 3, so {@code /portfolios/٣} would open portfolio 3. A refused id is a 404, a refused form or query
 * value a 400, as for any unreadable number.
 */
@Provider
public class AsciiNumberParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new Whole<>(Long.MIN_VALUE, Long.MAX_VALUE, Long::valueOf);
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new Whole<>(Integer.MIN_VALUE, Integer.MAX_VALUE, v -> (int) v);
        }
        return null;
    }

    private record Whole<N extends Number>(long min, long max, LongFunction<N> box) implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return box.apply(NumberBinder.whole(NumberBinder.Field.named("parameter"), value, min, max));
            } catch (BadNumberException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }

        @Override
        public String toString(N value) {
            return value.toString();
        }
    }
}
