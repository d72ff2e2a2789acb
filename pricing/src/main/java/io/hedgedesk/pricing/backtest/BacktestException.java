package io.hedgedesk.pricing.backtest;

/**
 * Invalid input to a backtest or a grade; the message names the argument and its bad value, and {@link #field()} the
 * input it concerns (e.g. {@code "from"}, {@code "leverage.BTC"}).
 */
public class BacktestException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public BacktestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The input the message is about. */
  public String field() {
    return field;
  }
}
