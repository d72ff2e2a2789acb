package io.hedgedesk.persistence;

import io.hedgedesk.domain.DomainException;

/** A single-use form token was submitted a second time; the first submission's effect stands, nothing more is saved. */
public class DuplicateSubmissionException extends DomainException {

    public DuplicateSubmissionException() {
        super("formToken", "this form was already submitted");
    }
}
