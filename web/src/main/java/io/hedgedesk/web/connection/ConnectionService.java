package io.hedgedesk.web.connection;

import io.hedgedesk.domain.market.feed.MarketDataException;
import io.hedgedesk.domain.market.feed.VenueRejectedException;
import io.hedgedesk.marketdata.account.AccountEndpoints;
import io.hedgedesk.marketdata.account.Credentials;
import io.hedgedesk.marketdata.account.KeyPermissions;
import io.hedgedesk.marketdata.account.KeyPolicy;
import io.hedgedesk.marketdata.account.Venue;
import io.hedgedesk.persistence.portfolio.PortfolioService;
import io.hedgedesk.persistence.team.Memberships;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Connecting a team to an exchange account with a read-only key: the venue is asked what the key may do, and a
 * key that can trade, withdraw or transfer is refused with the reason before anything is stored.
 */
@ApplicationScoped
public class ConnectionService {

    /** API keys and secrets of both venues are printable ASCII without spaces. */
    private static final Pattern KEY_TEXT = Pattern.compile("[!-~]{4,200}");

    private final Memberships memberships;
    private final ConnectionStore store;
    private final AccountEndpoints endpoints;
    private final Clock clock;
    private final PortfolioService portfolios;

    public ConnectionService(
            Memberships memberships,
            ConnectionStore store,
            AccountEndpoints endpoints,
            Clock clock,
            PortfolioService portfolios) {
        this.portfolios = portfolios;
        this.memberships = memberships;
        this.store = store;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** The team's connections; any member may see them (never the credentials). */
    public List<ConnectionRow> list(long userId, long teamId) {
        memberships.roleIn(userId, teamId);
        return store.rows(teamId);
    }

    /** The user is a member of {@code teamId} and the connection is the team's; {@code NotFoundException} otherwise. */
    public void requireConnection(long userId, long teamId, long id) {
        memberships.roleIn(userId, teamId);
        store.venue(teamId, id);
    }

    /** Whether the user may connect and delete (editors and owners). */
    public boolean canEdit(long userId, long teamId) {
        return memberships.roleIn(userId, teamId).canEdit();
    }

    /** Checks the key at the venue, then stores it sealed; returns the new connection's id. */
    public long connect(
            UUID formToken, long userId, long teamId, String venueText, String label, String apiKey, String secret) {
        memberships.requireEditor(userId, teamId, "connect an exchange account");
        Venue venue = venue(venueText);
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new ConnectionRefusedException("label", "Name: give the connection a name of 1 to 80 characters.");
        }
        Credentials credentials =
                new Credentials(keyText("apiKey", "API key", apiKey), keyText("secret", "API secret", secret));
        KeyPermissions key = ask(venue, credentials);
        List<String> refusals = KeyPolicy.refusals(key, clock.instant());
        if (!refusals.isEmpty()) {
            throw new ConnectionRefusedException(
                    "apiKey",
                    "Refused: hedgedesk only accepts read-only keys, and this "
                            + venueName(venue) + " key " + String.join("; ", refusals)
                            + ". Create a key with read permission only and try again.");
        }
        return store.create(formToken, teamId, userId, venue, name, credentials, key);
    }

    /** Asks the venue again (e.g. for a new expiry); a key that gained write permissions is flagged. */
    public void check(long userId, long teamId, long id) {
        memberships.requireEditor(userId, teamId, "check an exchange connection");
        Venue venue = store.venue(teamId, id);
        try {
            KeyPermissions key = ask(venue, store.credentials(teamId, id));
            store.checked(teamId, id, key, KeyPolicy.refusals(key, clock.instant()));
        } catch (ConnectionRefusedException e) {
            store.failed(teamId, id, e.getMessage());
            throw e;
        }
    }

    /**
     * Sets the team portfolio that the connection's fills and funding are synced into (empty: positions only). The
     * user must be able to edit it; the sync stores rows as them.
     */
    public void choosePortfolio(long userId, long teamId, long id, Optional<Long> portfolioId) {
        memberships.requireEditor(userId, teamId, "choose where a connection's fills and funding go");
        if (portfolioId.isPresent()
                && portfolios
                                .writable(userId, portfolioId.get(), "sync exchange records")
                                .portfolio()
                                .teamId()
                        != teamId) {
            throw new ConnectionRefusedException("portfolio", "Choose a portfolio of this team.");
        }
        store.choosePortfolio(teamId, userId, id, portfolioId);
    }

    public void delete(long userId, long teamId, long id) {
        memberships.requireEditor(userId, teamId, "delete an exchange connection");
        store.delete(teamId, userId, id);
    }

    private KeyPermissions ask(Venue venue, Credentials credentials) {
        try {
            return endpoints.client(venue, credentials).keyPermissions();
        } catch (VenueRejectedException e) {
            throw new ConnectionRefusedException(
                    "apiKey", venueName(venue) + " refused the key: " + e.venueMessage() + " (" + e.venueCode() + ").");
        } catch (MarketDataException e) {
            throw new ConnectionRefusedException(
                    "venue",
                    venueName(venue) + " could not be asked about the key (" + e.getMessage()
                            + "). Nothing was saved; try again in a minute.");
        }
    }

    private static Venue venue(String text) {
        try {
            return Venue.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConnectionRefusedException("venue", "Exchange: choose Bybit or Binance COIN-M futures.");
        }
    }

    private static String keyText(String field, String label, String text) {
        String value = text == null ? "" : text.strip();
        if (!KEY_TEXT.matcher(value).matches()) {
            throw new ConnectionRefusedException(
                    field,
                    label + ": paste it as the exchange shows it (4 to 200 letters," + " digits or signs, no spaces).");
        }
        return value;
    }

    private static String venueName(Venue venue) {
        return venue == Venue.BYBIT ? "Bybit" : "Binance";
    }
}
