package io.hedgedesk.persistence.connection;

import io.hedgedesk.persistence.NotFoundException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** A team's exchange connections, always looked up by (id, team). */
@ApplicationScoped
public class ExchangeConnections implements PanacheRepository<ExchangeConnectionEntity> {

  public List<ExchangeConnectionEntity> ofTeam(long teamId) {
    return list("teamId = ?1 order by id", teamId);
  }

  /** The connection {@code id} of team {@code teamId}; {@link NotFoundException} otherwise (no leak across teams). */
  public ExchangeConnectionEntity of(long teamId, long id) {
    return find("id = ?1 and teamId = ?2", id, teamId).firstResultOptional()
        .orElseThrow(() -> new NotFoundException("exchange connection", id));
  }

  /** Every connection whose data key is wrapped by another key-encryption key than {@code currentKekId}. */
  public List<ExchangeConnectionEntity> wrappedByOtherThan(String currentKekId) {
    return list("kekId <> ?1 order by id", currentKekId);
  }

  /**
   * Stores a new connection. The credentials are sealed by {@code sealFor} once the row has its id, because the
   * id is part of what the ciphertext is bound to; both happen in one transaction (no row without credentials).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ExchangeConnectionEntity create(long teamId, String venue, String label, String keyHint,
      Optional<String> venueAccount, Optional<Instant> keyExpiresAt, Instant checkedAt, long createdBy,
      LongFunction<SealedBytes> sealFor) {
    ExchangeConnectionEntity e = new ExchangeConnectionEntity();
    e.teamId = teamId;
    e.venue = venue;
    e.label = label;
    e.keyHint = keyHint;
    e.venueAccount = venueAccount.orElse(null);
    e.keyExpiresAt = keyExpiresAt.orElse(null);
    e.checkedAt = checkedAt;
    e.createdBy = createdBy;
    e.createdAt = checkedAt;
    e.kekId = "";
    e.wrappedKey = new byte[0];
    e.wrapNonce = new byte[0];
    e.ciphertext = new byte[0];
    e.nonce = new byte[0];
    persistAndFlush(e);
    seal(e, sealFor.apply(e.id));
    return e;
  }

  /** Replaces the stored credentials' encryption (key rotation); the row keeps its id and owner. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void seal(ExchangeConnectionEntity e, SealedBytes sealed) {
    e.kekId = sealed.kekId();
    e.wrappedKey = sealed.wrappedKey();
    e.wrapNonce = sealed.wrapNonce();
    e.ciphertext = sealed.ciphertext();
    e.nonce = sealed.nonce();
  }
}
