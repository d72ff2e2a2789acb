package io.hedgedesk.domain;

/**
 * Checks on free text typed by users. Control characters have no place in names or notes, and PostgreSQL refuses
 * U+0000 in text outright: left unchecked, one such character turns a form post into a server error.
 */
public final class Text {

  private Text() {
  }

  /** True if {@code text} has a control character; tab, CR and LF are allowed only when {@code multiLine}. */
  public static boolean hasControlCharacters(String text, boolean multiLine) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
        return true;
      }
    }
    return false;
  }
}
