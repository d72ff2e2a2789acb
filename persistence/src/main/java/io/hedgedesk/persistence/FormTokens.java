package io.hedgedesk.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use form tokens. A form carries a random token; the operation it triggers calls {@link #consume} in its
 * own transaction, so a second submission of the same form fails with {@link DuplicateSubmissionException}. A form
 * reachable with Back carries its token in its page's address (a submission key) and stores with it what it created
 * ({@link #created}), so that a repeated submission can say what the first one recorded ({@link #find}).
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
        int inserted = Panache.getEntityManager()
                .createNativeQuery(
                        "insert into used_form_token (token, user_id) values (?1, ?2) on conflict (token) do nothing")
                .setParameter(1, token)
                .setParameter(2, userId)
                .executeUpdate();
        if (inserted == 0) {
            throw new DuplicateSubmissionException();
        }
    }

    /**
     * What a submission created, kept with its key.
     *
     * @param at   when it was submitted
     * @param what the kind of record, e.g. {@code "hedge"}
     * @param ids  the ids created, in order
     * @param url  the page of what was created
     */
    public record Submission(Instant at, String what, List<Long> ids, String url) {}

    /**
     * Records the submission key as used, with what its submission is about ({@code subject}, e.g. a portfolio's plan),
     * in the transaction of the operation it protects; a key used before is a {@link DuplicateSubmissionException}.
     * Call {@link #created} in the same transaction once the records exist.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consume(UUID key, long userId, String subject) {
        consume(key, userId);
        Panache.getEntityManager()
                .createNativeQuery("update used_form_token set subject = ?2 where token = ?1")
                .setParameter(1, key)
                .setParameter(2, subject)
                .executeUpdate();
    }

    /** Stores what the submission of {@code key} created. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void created(UUID key, String what, List<Long> ids, String url) {
        Panache.getEntityManager()
                .createNativeQuery(
                        "update used_form_token set created_what = ?2, created_ids = ?3, created_url = ?4 where token = ?1")
                .setParameter(1, key)
                .setParameter(2, what)
                .setParameter(3, ids.toArray(Long[]::new))
                .setParameter(4, url)
                .executeUpdate();
    }

    /** What the user's submission of {@code key} created, if it was submitted and created something. */
    @Transactional
    public Optional<Submission> find(UUID key, long userId) {
        return first("token = ?1 and user_id = ?2", key, userId);
    }

    /** The newest submission about {@code subject} that created something, by anyone (the caller checked access). */
    @Transactional
    public Optional<Submission> latest(String subject) {
        return first("subject = ?1", subject);
    }

    private Optional<Submission> first(String where, Object... parameters) {
        jakarta.persistence.Query query = Panache.getEntityManager()
                .createNativeQuery("select used_at, created_what, "
                        + "created_ids, created_url from used_form_token where " + where
                        + " and created_what is not null "
                        + "order by used_at desc limit 1");
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<?> rows = query.getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            Instant at = r[0] instanceof java.time.OffsetDateTime t ? t.toInstant() : (Instant) r[0];
            Object[] ids = r[2] instanceof java.sql.Array array ? sqlArray(array) : (Object[]) r[2];
            return new Submission(
                    at,
                    (String) r[1],
                    java.util.Arrays.stream(ids)
                            .map(id -> ((Number) id).longValue())
                            .toList(),
                    (String) r[3]);
        });
    }

    private static Object[] sqlArray(java.sql.Array array) {
        try {
            return (Object[]) array.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read a submission's ids", e);
        }
    }

    /**
     * Deletes, in one statement, the tokens used before {@code cutoff}; returns how many. A form posted again after its
     * token was deleted counts as a new submission, so the cutoff must lie well beyond any form's useful life.
     */
    @Transactional
    public int deleteUsedBefore(Instant cutoff) {
        return Panache.getEntityManager()
                .createNativeQuery("delete from used_form_token where used_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate();
    }
}
