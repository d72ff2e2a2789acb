package io.hedgedesk.web.connection;

/** A connection was not made or checked: the input, the venue's answer or the key's permissions; names the field. */
public class ConnectionRefusedException extends RuntimeException {

  private final String field;

  public ConnectionRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field the message belongs to. */
  public String field() {
    return field;
  }
}
