package io.hedgedesk.domain.portfolio;

import java.util.Map;

/** Input that does not make a valid holding, portfolio or price; {@link #errors()} maps each field to its message. */
public class InvalidHoldingException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidHoldingException(Map<String, String> errors) {
    super("invalid input: " + errors);
    this.errors = Map.copyOf(errors);
  }

  public static InvalidHoldingException of(String field, String message) {
    return new InvalidHoldingException(Map.of(field, message));
  }

  public Map<String, String> errors() {
    return errors;
  }
}
