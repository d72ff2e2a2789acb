package io.hedgedesk.pricing.scenario;

/** Invalid input to a scenario computation; the message names the argument and its bad value. */
public class ScenarioException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
