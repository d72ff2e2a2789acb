package io.hedgedesk.web.connection;

import io.hedgedesk.marketdata.account.Credentials;
import io.hedgedesk.marketdata.account.KeyPermissions;
import io.hedgedesk.marketdata.account.KeyPolicy;
import io.hedgedesk.marketdata.account.SealedSecret;
import io.hedgedesk.marketdata.account.SecretSealer;
import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.persistence.FormTokens;
import io.hedgedesk.persistence.audit.AuditLog;
import io.hedgedesk.persistence.connection.ExchangeConnectionEntity;
import io.hedgedesk.persistence.connection.ExchangeConnections;
import io.hedgedesk.persistence.connection.SealedBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional side of connections: storing sealed credentials, reading them back for a call, deleting them.
 * Venue calls happen outside these transactions (a slow venue never holds a database connection).
 */
@ApplicationScoped
public class ConnectionStore {

  private final ExchangeConnections connections;
  private final SecretSealer sealer;
  private final AuditLog audit;
  private final Clock clock;
  private final FormTokens formTokens;

  public ConnectionStore(ExchangeConnections connections, SecretSealer sealer, AuditLog audit, Clock clock,
      FormTokens formTokens) {
    this.formTokens = formTokens;
    this.connections = connections;
    this.sealer = sealer;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Key and secret are sealed together, bound to the team and the new row's id. The form's single-use token makes
   * a double submit store one connection ({@code DuplicateSubmissionException} for the second).
   */
  @Transactional
  public long create(UUID formToken, long teamId, long userId, Venue venue, String label, Credentials credentials,
      KeyPermissions key) {
    formTokens.consume(formToken, userId);
    ExchangeConnectionEntity e = connections.create(teamId, venue.name(), label, credentials.keyHint(),
        key.account(), key.expiresAt(), clock.instant(), userId,
        id -> bytes(sealer.seal(credentials.apiKey() + "\n" + credentials.secret(), owner(teamId, id))));
    audit.record(teamId, null, userId, "exchange_connection", e.id, "CONNECTED", null, state(e));
    return e.id;
  }

  @Transactional
  public List<ConnectionRow> rows(long teamId) {
    Instant now = clock.instant();
    return connections.ofTeam(teamId).stream().map(e -> row(e, now)).toList();
  }

  /** The stored credentials of a connection of {@code teamId}, decrypted for one call. */
  @Transactional
  public Credentials credentials(long teamId, long id) {
    ExchangeConnectionEntity e = connections.of(teamId, id);
    String pair = sealer.open(sealed(e), owner(teamId, id));
    int newline = pair.indexOf('\n');
    return new Credentials(pair.substring(0, newline), pair.substring(newline + 1));
  }

  @Transactional
  public Venue venue(long teamId, long id) {
    return Venue.valueOf(connections.of(teamId, id).venue);
  }

  /** What a fresh check found: the expiry it reports now, and the reasons it would be refused (none: fine). */
  @Transactional
  public void checked(long teamId, long id, KeyPermissions key, List<String> refusals) {
    ExchangeConnectionEntity e = connections.of(teamId, id);
    e.keyExpiresAt = key.expiresAt().orElse(null);
    e.checkedAt = clock.instant();
    e.lastError = refusals.isEmpty() ? null : "The key is no longer read-only: " + String.join("; ", refusals);
  }

  @Transactional
  public void failed(long teamId, long id, String error) {
    connections.of(teamId, id).lastError = error.length() > 500 ? error.substring(0, 500) : error;
  }

  /** Deletes the row, its ciphertext with it. */
  @Transactional
  public void delete(long teamId, long userId, long id) {
    ExchangeConnectionEntity e = connections.of(teamId, id);
    Map<String, Object> before = state(e);
    connections.delete(e);
    audit.record(teamId, null, userId, "exchange_connection", id, "DISCONNECTED", before, null);
  }

  /** Re-wraps every stored data key under the current key-encryption key; returns how many rows changed. */
  @Transactional
  public int rewrapAll() {
    int changed = 0;
    for (ExchangeConnectionEntity e : connections.wrappedByOtherThan(sealer.currentKekId())) {
      connections.seal(e, bytes(sealer.rewrap(sealed(e), owner(e.teamId, e.id))));
      changed++;
    }
    return changed;
  }

  static String owner(long teamId, long connectionId) {
    return "team " + teamId + ":connection " + connectionId;
  }

  private static SealedBytes bytes(SealedSecret s) {
    return new SealedBytes(s.kekId(), s.wrappedKey(), s.wrapNonce(), s.ciphertext(), s.nonce());
  }

  private static SealedSecret sealed(ExchangeConnectionEntity e) {
    return new SealedSecret(e.kekId, e.wrappedKey, e.wrapNonce, e.ciphertext, e.nonce);
  }

  private static Map<String, Object> state(ExchangeConnectionEntity e) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("venue", e.venue);
    state.put("label", e.label);
    state.put("key", e.keyHint);
    return state;
  }

  private static ConnectionRow row(ExchangeConnectionEntity e, Instant now) {
    Optional<Instant> expires = Optional.ofNullable(e.keyExpiresAt);
    return new ConnectionRow(e.id, Venue.valueOf(e.venue), e.label, e.keyHint, Optional.ofNullable(e.venueAccount),
        expires, KeyPolicy.expiryWarning(expires, now), e.checkedAt, Optional.ofNullable(e.lastSyncAt),
        Optional.ofNullable(e.lastError));
  }
}
