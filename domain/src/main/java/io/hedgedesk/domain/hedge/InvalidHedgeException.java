package io.hedgedesk.domain.hedge;

import java.util.Map;

/** Input that does not make a valid hedge command; {@link #errors()} maps each form field to its message. */
public class InvalidHedgeException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidHedgeException(Map<String, String> errors) {
    super("invalid hedge input: " + errors);
    this.errors = Map.copyOf(errors);
  }

  public static InvalidHedgeException of(String field, String message) {
    return new InvalidHedgeException(Map.of(field, message));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
