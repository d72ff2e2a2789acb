package io.hedgedesk.persistence;

/** A single-use form token was submitted a second time; the first submission's effect stands, nothing more is saved. */
public class DuplicateSubmissionException extends RuntimeException {

  public DuplicateSubmissionException() {
    super("this form was already submitted");
  }
}
