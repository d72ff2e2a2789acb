package io.hedgedesk.pricing.hedge;

/** Invalid input to hedge sizing or a coverage check; the message names the argument and its bad value. */
public class HedgeSizingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public HedgeSizingException(String message) {
    super(message);
  }
}
