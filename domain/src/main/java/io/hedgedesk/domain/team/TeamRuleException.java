package io.hedgedesk.domain.team;

import java.util.Objects;

/** A team operation that the rules forbid (e.g. demoting the last owner); {@code field} names the input at fault. */
public class TeamRuleException extends RuntimeException {

  private final String field;

  public TeamRuleException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }
}
