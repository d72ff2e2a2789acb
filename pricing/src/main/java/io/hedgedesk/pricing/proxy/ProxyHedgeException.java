package io.hedgedesk.pricing.proxy;

/** Invalid input to a proxy-hedge computation; the message names the argument and its bad value. */
public class ProxyHedgeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public ProxyHedgeException(String message) {
    super(message);
  }
}
