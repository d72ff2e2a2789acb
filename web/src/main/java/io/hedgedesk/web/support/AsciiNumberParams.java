package io.hedgedesk.web.support;

import io.hedgedesk.domain.Text;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole numbers bound from a path, query or form parameter (ids, versions, a chart's window) take the digits 0-9
 * only. The converters JAX-RS uses by default ({@code Long.valueOf}) read {@code ٣} as 3, so {@code /portfolios/٣}
 * would open portfolio 3. A refused id is a 404, a refused form or query value a 400, as for any unreadable number.
 */
@Provider
public class AsciiNumberParams implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>) new Ascii<>(Long::valueOf);
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>) new Ascii<>(Integer::valueOf);
    }
    return null;
  }

  private record Ascii<N extends Number>(Function<String, N> parse) implements ParamConverter<N> {

    @Override
    public N fromString(String value) {
      if (value == null) {
        return null;
      }
      if (Text.hasNonAsciiDigit(value)) {
        throw new IllegalArgumentException(Text.ASCII_DIGITS_ONLY);
      }
      return parse.apply(value);
    }

    @Override
    public String toString(N value) {
      return value.toString();
    }
  }
}
