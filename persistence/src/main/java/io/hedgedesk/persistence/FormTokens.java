package io.hedgedesk.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Single-use form tokens. A form carries a random token; the operation it triggers calls {@link #consume} in its
 * own transaction, so a second submission of the same form fails with {@link DuplicateSubmissionException}.
 */
@ApplicationScoped
public class FormTokens {

  /** A fresh token for a form. */
  public UUID issue() {
    return UUID.randomUUID();
  }

  /**
   * Reads a submitted token. A missing or malformed one is replaced by a fresh random token: it cannot collide with
   * a real form's token, and it is still usable once only.
   */
  public static UUID parse(String token) {
    try {
      return UUID.fromString(token == null ? "" : token.strip());
    } catch (IllegalArgumentException e) {
      return UUID.randomUUID();
    }
  }

  /** Records the token as used; must run inside the transaction of the operation it protects. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void consume(UUID token, long userId) {
    int inserted = Panache.getEntityManager().createNativeQuery(
            "insert into used_form_token (token, user_id) values (?1, ?2) on conflict (token) do nothing")
        .setParameter(1, token)
        .setParameter(2, userId)
        .executeUpdate();
    if (inserted == 0) {
      throw new DuplicateSubmissionException();
    }
  }

  /**
   * Deletes, in one statement, the tokens used before {@code cutoff}; returns how many. A form posted again after its
   * token was deleted counts as a new submission, so the cutoff must lie well beyond any form's useful life.
   */
  @Transactional
  public int deleteUsedBefore(Instant cutoff) {
    return Panache.getEntityManager().createNativeQuery("delete from used_form_token where used_at < ?1")
        .setParameter(1, cutoff)
        .executeUpdate();
  }
}
