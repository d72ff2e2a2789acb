package io.hedgedesk.domain.team;

import io.hedgedesk.domain.DomainException;

/** A team operation that the rules forbid (e.g. demoting the last owner); {@code field} names the input at fault. */
public class TeamRuleException extends DomainException {

    public TeamRuleException(String field, String message) {
        super(field, message);
    }
}
