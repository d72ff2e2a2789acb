package io.hedgedesk.domain.instrument;

/** An instrument, asset or amount that violates an invariant. The message names the field and the value. */
public class InvalidInstrumentException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InvalidInstrumentException(String message) {
    super(message);
  }
}
