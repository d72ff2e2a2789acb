package io.hedgedesk.persistence;

/**
 * The object does not exist or belongs to a team the current user is not in. The two cases are deliberately the
 * same, so that a response never reveals that another team's object exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super(what + " " + id + " not found in the user's teams");
    }
}
